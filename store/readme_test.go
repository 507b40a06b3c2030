package store

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestREADMEListsEveryBucket checks the README's paragraph on what is
// inside the bbolt file against the buckets the store creates: every
// bucket is named there, and every name there is a bucket.
func TestREADMEListsEveryBucket(t *testing.T) {
	data, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, para, ok := strings.Cut(string(data), "\nInside the bbolt file:")
	if !ok {
		t.Fatal(`the README has no paragraph "Inside the bbolt file:"`)
	}
	para, _, _ = strings.Cut(para, "\n\n")
	named := map[string]bool{}
	for _, m := range regexp.MustCompile("`([a-z_]+)`").FindAllStringSubmatch(para, -1) {
		named[m[1]] = true
	}
	buckets := map[string]bool{}
	for _, b := range allBuckets {
		buckets[string(b)] = true
		if !named[string(b)] {
			t.Errorf("the README does not list the bucket %s", b)
		}
	}
	for name := range named {
		if !buckets[name] {
			t.Errorf("the README lists a bucket %s that the store does not have", name)
		}
	}
	if !strings.Contains(para, "signing key") {
		t.Error("the README does not say that meta holds the certificate signing key")
	}
}
