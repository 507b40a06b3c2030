//go:build !unix

package store

import "time"

// processTime is not measured here: the benchmark reports 0 cpu-s/op.
func processTime() time.Duration { return 0 }
