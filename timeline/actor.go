package timeline

// Placeholder actor finder and event classifier, replaced by the
// gazetteer-based implementation.

type actorIndex struct{}

type actorMemory struct{}

// EventClass is the type of an event and the roles of its actors.
type EventClass struct {
	Type       string
	Quad       int
	CAMEO      string
	Mode       string
	Trigger    Span
	Actors     []Actor
	Recipients []Actor
}

func newActorIndex() *actorIndex { return &actorIndex{} }

func newActorMemory() *actorMemory { return &actorMemory{} }

func (ix *actorIndex) findActors(text string, s Span, mem *actorMemory) []Actor { return nil }

func (ix *actorIndex) classifyEvent(text string, s Span, near Span, actors []Actor) EventClass {
	return EventClass{Type: "OTHER", Actors: actors}
}
