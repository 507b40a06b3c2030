package importer

import "testing"

func TestClean(t *testing.T) {
	for in, want := range map[string]string{
		"  Moussa  Diop ":        "Moussa Diop",
		"\u00a0Moussa\u00a0Diop": "Moussa Diop",
		"Moussa\u202fDiop\u2007": "Moussa Diop",
		"Mou\u200bssa\ufeff":     "Moussa",
		"Moussa\r\n\tDiop":       "Moussa Diop",
		"plain":                  "plain",
		"Jean-Baptiste Kaboré":   "Jean-Baptiste Kaboré",
		"\u200cزهرا\u200cبن":     "\u200cزهرا\u200cبن", // ZWNJ is part of Persian spelling
	} {
		if got := clean(in); got != want {
			t.Errorf("clean(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSplitName(t *testing.T) {
	cases := []struct {
		full, given, family string
		rule                SplitRule
	}{
		{"DIOP, Moussa", "Moussa", "DIOP", SplitComma},
		{"Núñez Ibáñez, María José", "María José", "Núñez Ibáñez", SplitComma},
		{"DIOP Moussa", "Moussa", "DIOP", SplitCapitals},
		{"Moussa DIOP", "Moussa", "DIOP", SplitCapitals},
		{"Jean-Baptiste KABORÉ", "Jean-Baptiste", "KABORÉ", SplitCapitals},
		{"NDIAYE FALL Aminata", "Aminata", "NDIAYE FALL", SplitCapitals},
		{"Ana de la CRUZ", "Ana", "de la CRUZ", SplitCapitals},
		{"Moussa J. DIOP", "Moussa J.", "DIOP", SplitCapitals},
		{"Moussa Diop", "Moussa", "Diop", SplitLastWord},
		{"MOUSSA DIOP", "MOUSSA", "DIOP", SplitLastWord},
		{"Ludwig van Beethoven", "Ludwig", "van Beethoven", SplitLastWord},
		{"Ana de la Cruz", "Ana", "de la Cruz", SplitLastWord},
		{"Mohamed bin Salman", "Mohamed", "bin Salman", SplitLastWord},
		{"María José Núñez Ibáñez", "María José Núñez", "Ibáñez", SplitLastWord}, // documented limit
		{"  Moussa\u00a0 Diop ", "Moussa", "Diop", SplitLastWord},
		{"Madonna", "", "Madonna", SplitOneWord},
		{"李伟", "", "李伟", SplitOneWord},
		{"", "", "", ""},
	}
	for _, c := range cases {
		g, f, r := SplitName(c.full)
		if g != c.given || f != c.family || r != c.rule {
			t.Errorf("SplitName(%q) = %q, %q, %s; want %q, %q, %s", c.full, g, f, r, c.given, c.family, c.rule)
		}
	}
}

func TestNormalCase(t *testing.T) {
	cases := []struct {
		in      string
		initial bool
		want    string
	}{
		{"MOUSSA DIOP", true, "Moussa Diop"},
		{"moussa diop", true, "Moussa Diop"},
		{"JEAN-BAPTISTE", true, "Jean-Baptiste"},
		{"O'CONNOR", false, "O'Connor"},
		{"N'DIAYE", false, "N'Diaye"},
		{"D'ALMEIDA", false, "d'Almeida"},
		{"D'ALMEIDA", true, "D'Almeida"},
		{"DE LA CRUZ", false, "de la Cruz"},
		{"DE LA CRUZ", true, "De la Cruz"},
		{"VAN DER BERG", false, "van der Berg"},
		{"KHALID AL-MANSOURI", true, "Khalid al-Mansouri"},
		{"AL-MANSOURI", true, "Al-Mansouri"},
		{"ÇAĞLAR", false, "Çağlar"},
		{"NÚÑEZ IBÁÑEZ", false, "Núñez Ibáñez"},
		{"ΠΑΠΑΔΌΠΟΥΛΟΣ", false, "Παπαδόπουλος"},
		{"JOHN SMITH III", true, "John Smith III"},
		// Mixed case and scripts without case are left alone.
		{"McDonald", false, "McDonald"},
		{"de la Cruz", false, "de la Cruz"},
		{"Al-Mansouri", false, "Al-Mansouri"},
		{"አበበ በቀለ", true, "አበበ በቀለ"},
		{"J.", true, "J."},
	}
	for _, c := range cases {
		if got := NormalCase(c.in, c.initial); got != c.want {
			t.Errorf("NormalCase(%q, %v) = %q, want %q", c.in, c.initial, got, c.want)
		}
	}
}
