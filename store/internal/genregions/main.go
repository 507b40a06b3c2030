// Command genregions writes store/regions_table.go, the UN M49 geographic
// region of every country in store's ISO 3166-1 table, from Unicode CLDR's
// territory containment:
//
//   - /usr/share/unicode/cldr/common/supplemental/supplementalData.xml
//     (Debian package unicode-cldr-core), element territoryContainment. CLDR
//     builds it from the UN Statistics Division's M49 standard and uses the
//     M49 numeric codes for the regions: 002 Africa, 019 Americas, 142 Asia,
//     150 Europe, 009 Oceania, their sub-regions (015 Northern Africa, 021
//     Northern America, 143 Central Asia, …) and the intermediate regions of
//     Sub-Saharan Africa (202: 011, 014, 017, 018) and of Latin America and
//     the Caribbean (419: 005, 013, 029);
//   - countries_table.go (written by gencountries) for the list of codes.
//
// The names are M49's English names ("South-eastern Asia", "Australia and
// New Zealand"), not CLDR's display names ("Southeast Asia",
// "Australasia"). Where CLDR departs from M49 for a code of the table, M49
// wins and the code is listed in m49Overrides below:
//
//   - AQ Antarctica: CLDR puts it in "Outlying Oceania" (QO), a CLDR-only
//     grouping; M49 lists Antarctica under the World with no region, so its
//     Region is "Antarctica" and it has no sub-region;
//   - GG Guernsey and JE Jersey: M49 has the intermediate region Channel
//     Islands (830) in Northern Europe, which CLDR leaves out.
//
// TW Taiwan has no entry of its own in M49; CLDR's Eastern Asia is kept.
//
// It fails if a code of the table has no region, so a new ISO code cannot
// go unmapped. It is run from the store folder with
//
//	go generate ./store
//
// Flags override the input paths and the output file (default
// regions_table.go in the working directory).
package main

import (
	"bytes"
	"encoding/xml"
	"flag"
	"fmt"
	"go/format"
	"log"
	"maps"
	"os"
	"regexp"
	"slices"
	"strings"
)

// m49Names are the English names of the M49 regions used, by numeric code.
var m49Names = map[string]string{
	"002": "Africa",
	"015": "Northern Africa",
	"202": "Sub-Saharan Africa",
	"014": "Eastern Africa",
	"017": "Middle Africa",
	"018": "Southern Africa",
	"011": "Western Africa",
	"019": "Americas",
	"419": "Latin America and the Caribbean",
	"029": "Caribbean",
	"013": "Central America",
	"005": "South America",
	"021": "Northern America",
	"142": "Asia",
	"143": "Central Asia",
	"030": "Eastern Asia",
	"035": "South-eastern Asia",
	"034": "Southern Asia",
	"145": "Western Asia",
	"150": "Europe",
	"151": "Eastern Europe",
	"154": "Northern Europe",
	"039": "Southern Europe",
	"155": "Western Europe",
	"009": "Oceania",
	"053": "Australia and New Zealand",
	"054": "Melanesia",
	"057": "Micronesia",
	"061": "Polynesia",
}

// intermediateParents are the M49 sub-regions that are split into
// intermediate regions; CLDR marks them as groupings.
var intermediateParents = []string{"202", "419"}

type region struct{ region, sub, intermediate string }

// m49Overrides are the codes whose M49 region differs from what CLDR's
// containment gives; see the package comment.
var m49Overrides = map[string]region{
	"AQ": {"Antarctica", "", ""},
	"GG": {"Europe", "Northern Europe", "Channel Islands"},
	"JE": {"Europe", "Northern Europe", "Channel Islands"},
}

type supplemental struct {
	Groups []group `xml:"territoryContainment>group"`
}

type group struct {
	Type     string `xml:"type,attr"`
	Contains string `xml:"contains,attr"`
	Status   string `xml:"status,attr"`
	Grouping string `xml:"grouping,attr"`
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("genregions: ")
	cldrPath := flag.String("cldr", "/usr/share/unicode/cldr/common/supplemental/supplementalData.xml", "CLDR supplementalData.xml")
	tablePath := flag.String("countries", "countries_table.go", "store's country table")
	out := flag.String("o", "regions_table.go", "output Go file")
	flag.Parse()

	codes, err := readCodes(*tablePath)
	if err != nil {
		log.Fatal(err)
	}
	regions, err := readCLDR(*cldrPath)
	if err != nil {
		log.Fatal(err)
	}
	table := make(map[string]region, len(codes))
	var missing []string
	for _, c := range codes {
		r, ok := m49Overrides[c]
		if !ok {
			r, ok = regions[c]
		}
		if !ok {
			missing = append(missing, c)
			continue
		}
		table[c] = r
	}
	if len(missing) > 0 {
		log.Fatalf("no M49 region for %s", strings.Join(missing, ", "))
	}
	src, err := format.Source(render(codes, table))
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		log.Fatal(err)
	}
}

var codeRE = regexp.MustCompile(`Code:\s*"([A-Z]{2})"`)

// readCodes returns the alpha-2 codes of the country table, sorted.
func readCodes(path string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var codes []string
	for _, m := range codeRE.FindAllSubmatch(data, -1) {
		codes = append(codes, string(m[1]))
	}
	if len(codes) < 200 {
		return nil, fmt.Errorf("%s: only %d country codes", path, len(codes))
	}
	slices.Sort(codes)
	return slices.Compact(codes), nil
}

// readCLDR maps each territory of CLDR's containment tree to its M49
// region, sub-region and intermediate region.
func readCLDR(path string) (map[string]region, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var doc supplemental
	if err := xml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	// parent is the containment tree proper: no deprecated codes, and none
	// of the groupings (EU, UN, 419, 202, …) that overlap it.
	parent := map[string]string{}
	// grouping maps an intermediate region to its M49 sub-region (011 →
	// 202).
	grouping := map[string]string{}
	for _, g := range doc.Groups {
		if g.Status != "" {
			continue
		}
		members := strings.Fields(g.Contains)
		if g.Grouping == "true" {
			if slices.Contains(intermediateParents, g.Type) {
				for _, m := range members {
					grouping[m] = g.Type
				}
			}
			continue
		}
		for _, m := range members {
			if p, ok := parent[m]; ok && p != g.Type {
				return nil, fmt.Errorf("%s: %s is in both %s and %s", path, m, p, g.Type)
			}
			parent[m] = g.Type
		}
	}
	if len(parent) == 0 {
		return nil, fmt.Errorf("%s: no territoryContainment", path)
	}
	for _, p := range intermediateParents {
		if !slices.Contains(slices.Collect(maps.Values(grouping)), p) {
			return nil, fmt.Errorf("%s: no grouping %s", path, p)
		}
	}
	out := map[string]region{}
	for code, sub := range parent {
		if len(code) != 2 || code[0] < 'A' || code[0] > 'Z' {
			continue // a region, not a territory
		}
		cont := parent[sub]
		if parent[cont] != "001" || m49Names[sub] == "" {
			continue // e.g. in CLDR's own grouping Outlying Oceania (QO)
		}
		r := region{region: m49Names[cont], sub: m49Names[sub]}
		if g, ok := grouping[sub]; ok {
			r.sub, r.intermediate = m49Names[g], m49Names[sub]
		}
		if r.region == "" || r.sub == "" || (grouping[sub] != "" && r.intermediate == "") {
			return nil, fmt.Errorf("%s: no M49 name for %s in %s/%s", path, code, cont, sub)
		}
		out[code] = r
	}
	return out, nil
}

func render(codes []string, table map[string]region) []byte {
	var b bytes.Buffer
	b.WriteString("// Code generated by genregions; DO NOT EDIT.\n\n")
	b.WriteString("package store\n\n")
	b.WriteString("// countryRegions maps each code of the country table to its UN M49\n")
	b.WriteString("// region, sub-region and intermediate region.\n")
	b.WriteString("var countryRegions = map[string]Region{\n")
	for _, c := range codes {
		r := table[c]
		fmt.Fprintf(&b, "\t%q: {%q, %q, %q},\n", c, r.region, r.sub, r.intermediate)
	}
	b.WriteString("}\n")
	return b.Bytes()
}
