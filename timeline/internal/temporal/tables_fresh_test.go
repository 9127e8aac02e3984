package temporal_test

import (
	"bytes"
	"os"
	"testing"

	// the timeline package's expressions, compiled as it starts, are
	// the patterns of the tables
	_ "github.com/eventline/eventline/timeline"
	"github.com/eventline/eventline/timeline/internal/temporal"
)

// startPatterns are the patterns compiled before the tests run: the
// timeline package's.
var startPatterns = temporal.CompiledPatterns()

// TestTablesFresh: the embedded tables are those the built-in rules and
// the timeline package's patterns build today. `go generate
// ./timeline/internal/temporal` rewrites them (with -update-tables).
func TestTablesFresh(t *testing.T) {
	temporal.Exhaustive(t)
	if len(startPatterns) == 0 {
		t.Fatal("no pattern compiled as the timeline package starts")
	}
	got := temporal.EncodeTables(startPatterns)
	if *temporal.UpdateTables {
		if err := os.WriteFile("engine_tables.bin", got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(got, temporal.TablesFile()) {
		t.Fatalf("engine_tables.bin is stale (%d bytes, rebuilt %d): run go generate ./timeline/internal/temporal", len(temporal.TablesFile()), len(got))
	}
}

// TestTablesPatterns: the starter of each pattern of the timeline
// package, read from the tables, is the one built the long way.
func TestTablesPatterns(t *testing.T) {
	for _, p := range startPatterns {
		tabled, same := temporal.PatternTabled(p)
		if !tabled {
			t.Errorf("%q is not in the tables: run go generate ./timeline/internal/temporal", p)
		} else if !same {
			t.Errorf("%q: the starter read from the tables differs from the one built", p)
		}
	}
}
