package timeline

import "testing"

// TestValidTimexValue pins the TIMEX3 value grammar the invariants use.
func TestValidTimexValue(t *testing.T) {
	valid := []string{
		"1988", "2020-09", "2020-09-27", "2020-02-29", "XXXX-02-29", "2023-09-19T20:07",
		"2023-09-19T20", "2023-09-19T20:07:05", "2023-09-19TMO", "2023-09-19TNI", "XXXX-XX-XXTEV",
		"2023-W38", "2023-W38-WE", "XXXX-WXX", "2020-SU", "2020-WI", "2021-Q1", "2021-H2",
		"199", "19", "2", "BC0499", "BC04", "XXXX", "XXXX-09-27", "XXXX-09", "XXXX-XX-XXT14:00",
		"P5Y", "PT48H", "P3DE", "PXY", "P1.5Y", "P2CE", "PT30M", "P1DT2H", "P1W", "P3Q",
		"PRESENT_REF", "PAST_REF", "FUTURE_REF",
	}
	invalid := []string{
		"", "P", "PT", "2021-02-29", "2021-02-30", "2020-13", "2020-00", "2020-12-32", "2020-12-00",
		"2020-W54", "2020-W00", "2020-Q5", "2020-SUMMER", "99999", "20200", "-50", "BC-1",
		"2023-09-19T25:00", "2023-09-19T20:60", "2023-09-19T24:30", "2023-09-19T20:07:61", "2023-09-19TXX",
		"PY", "P5", "5Y", "P5YT", "NOW_REF", "present_ref", "2023-9-19", "2023-09-19 20:07", "T20:07",
	}
	for _, v := range valid {
		if err := validTimexValue(v); err != nil {
			t.Errorf("%q refused: %v", v, err)
		}
	}
	for _, v := range invalid {
		if validTimexValue(v) == nil {
			t.Errorf("%q accepted", v)
		}
	}
}
