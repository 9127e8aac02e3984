package temporal

import "testing"

func BenchmarkTmpDecode(b *testing.B) {
	rs := English()
	p, _ := embeddedTables()
	for b.Loop() {
		decodeRules(p.rules, rs)
	}
}
