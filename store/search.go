package store

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// ParticipantIndex finds participants by what people type at a check-in
// desk or in a search box: any part of a name in Latin letters or in the
// person's own script, organisation, country, email or badge code, case
// and accents ignored. It is built once from a list and is then read-only,
// safe for concurrent use.
type ParticipantIndex struct {
	hay     string    // every participant's folded text, one after another
	entries []ixEntry // per participant, where its text lies in hay
	badges  map[string]int
	scratch sync.Pool // *searchScratch
}

// ixEntry locates one participant's text in the index's hay:
// hay[start:family] is the family name, hay[family:names] the given and
// native names, hay[names:end] the rest. Fields are separated by a zero
// byte, which no query word contains.
type ixEntry struct {
	start, family, names, end int32
}

type searchScratch struct {
	words []string
	keys  []uint64
}

// NewParticipantIndex indexes ps: per participant the folded (see Fold)
// family and given names, native name, organisation, country code and
// name, email and badge code. Positions returned by Search are positions
// in ps. countryName, when given, names a country by its code in another
// language too (the screens'), so that it is found by that name as well.
func NewParticipantIndex(ps []Participant, countryName ...func(code string) string) *ParticipantIndex {
	ix := &ParticipantIndex{entries: make([]ixEntry, len(ps)), badges: make(map[string]int, len(ps))}
	buf := make([]byte, 0, len(ps)*128)
	for i := range ps {
		p := &ps[i]
		e := ixEntry{start: int32(len(buf))}
		buf = appendSearchFold(buf, p.FamilyNames)
		e.family = int32(len(buf))
		buf = append(buf, 0)
		buf = appendSearchFold(buf, p.GivenNames)
		buf = append(buf, 0)
		buf = appendSearchFold(buf, p.NativeName)
		e.names = int32(len(buf))
		buf = append(buf, 0)
		buf = appendSearchFold(buf, p.Organisation)
		buf = append(buf, 0)
		buf = appendSearchFold(buf, p.Country)
		buf = append(buf, 0)
		if name, ok := CountryName(p.Country); ok {
			buf = appendSearchFold(buf, name)
			for _, local := range countryName {
				if n := local(p.Country); n != "" && n != name {
					buf = append(buf, ' ')
					buf = appendSearchFold(buf, n)
				}
			}
		}
		buf = append(buf, 0)
		buf = appendSearchFold(buf, p.Email)
		buf = append(buf, 0)
		buf = appendSearchFold(buf, p.BadgeCode)
		e.end = int32(len(buf))
		buf = append(buf, 0)
		ix.entries[i] = e
		if code := NormalizeBadgeCode(p.BadgeCode); code != "" {
			if _, dup := ix.badges[code]; !dup {
				ix.badges[code] = i
			}
		}
	}
	ix.hay = string(buf)
	ix.scratch.New = func() any { return &searchScratch{} }
	return ix
}

// Len returns the number of participants indexed.
func (ix *ParticipantIndex) Len() int { return len(ix.entries) }

// ExactBadge returns the position of the participant whose badge code is
// code, as typed or scanned (case, spaces and dashes do not matter).
func (ix *ParticipantIndex) ExactBadge(code string) (int, bool) {
	i, ok := ix.badges[NormalizeBadgeCode(code)]
	return i, ok
}

// The ranks of a match, best first.
const (
	rankBadge      = iota // the query is a participant's badge code
	rankNamePrefix        // every word begins a family, given or native name
	rankWordPrefix        // every word begins some word
	rankSubstring         // some word only occurs inside a word
)

// Search returns the positions of the participants matching query, best
// first, at most limit of them (limit <= 0: all). The query is folded like
// the index (case and accents ignored: "ozturk" finds Öztürk, "sule" finds
// Şule) and split into words, every one of which must occur in the
// participant's text. Ranking: an exact badge code first; then
// participants for whom every word begins a family, given or native name
// (a family name ahead of a given name); then those where every word
// begins some word (organisation, country, email); then the rest; ties in
// registration order. An empty query matches nobody.
func (ix *ParticipantIndex) Search(query string, limit int) []int {
	sc := ix.scratch.Get().(*searchScratch)
	defer ix.scratch.Put(sc)
	folded := string(appendSearchFold(nil, query))
	sc.words = sc.words[:0]
	for w := range strings.FieldsFuncSeq(folded, isQuerySpace) {
		sc.words = append(sc.words, w)
	}
	if len(sc.words) == 0 {
		return nil
	}
	sc.keys = sc.keys[:0]
	badge, ok := ix.ExactBadge(query)
	if ok {
		sc.keys = append(sc.keys, rankKey(rankBadge, 0, badge))
	} else {
		badge = -1
	}
	for i, e := range ix.entries {
		if i == badge {
			continue
		}
		h := ix.hay[e.start:e.end]
		family, names := int(e.family-e.start), int(e.names-e.start)
		worst, sum := 0, 0
		for _, w := range sc.words {
			s := wordScore(h, family, names, w)
			if s < 0 {
				worst = -1
				break
			}
			worst, sum = max(worst, s), sum+s
		}
		if worst < 0 {
			continue
		}
		rank := rankSubstring
		switch {
		case worst <= 1:
			rank = rankNamePrefix
		case worst == 2:
			rank = rankWordPrefix
		}
		sc.keys = append(sc.keys, rankKey(rank, sum, i))
	}
	slices.Sort(sc.keys)
	n := len(sc.keys)
	if limit > 0 && n > limit {
		n = limit
	}
	out := make([]int, n)
	for i := range out {
		out[i] = int(uint32(sc.keys[i]))
	}
	return out
}

// rankKey packs a match's sort key: rank, then the sum of its word scores,
// then its position.
func rankKey(rank, sum, pos int) uint64 {
	return uint64(rank)<<56 | uint64(min(sum, 1<<24-1))<<32 | uint64(uint32(pos))
}

// wordScore tells how word w occurs in h, a participant's text whose
// family name ends at family and whose given and native names end at
// names: 0 at the start of a family name word, 1 at the start of a given
// or native name word, 2 at the start of another word, 3 only inside
// words, -1 not at all.
func wordScore(h string, family, names int, w string) int {
	best := -1
	for off := 0; off < len(h); {
		i := strings.Index(h[off:], w)
		if i < 0 {
			break
		}
		i += off
		s := 3
		if wordStart(h, i) {
			switch {
			case i < family:
				s = 0
			case i < names:
				s = 1
			default:
				s = 2
			}
		}
		if best < 0 || s < best {
			best = s
		}
		if best == 0 || (i >= names && best <= 2) {
			break
		}
		off = i + 1
	}
	return best
}

// wordStart reports whether position i of h begins a word: it is the
// start, or follows a character that is neither a letter nor a digit.
func wordStart(h string, i int) bool {
	if i == 0 {
		return true
	}
	if b := h[i-1]; b < utf8.RuneSelf {
		return !(b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b >= 'A' && b <= 'Z')
	}
	r, _ := utf8.DecodeLastRuneInString(h[:i])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// isQuerySpace separates query words: spaces and control characters
// (including the zero byte that separates fields in the index).
func isQuerySpace(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }

// appendSearchFold appends s folded for searching: as Fold, and without
// apostrophes ("O'Brien" → "obrien"). ASCII text takes a fast path.
func appendSearchFold(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		b := s[i]
		switch {
		case b >= utf8.RuneSelf:
			for _, r := range Fold(s[i:]) {
				if r != '\'' && r != '’' && r != 'ʼ' && r != 0 {
					dst = utf8.AppendRune(dst, r)
				}
			}
			return dst
		case b >= 'A' && b <= 'Z':
			dst = append(dst, b+'a'-'A')
		case b == '\'' || b == 0:
		default:
			dst = append(dst, b)
		}
	}
	return dst
}
