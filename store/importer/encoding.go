package importer

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// decodeText returns data as UTF-8 text and the name of the encoding it
// was found in: a byte order mark decides (UTF-8, UTF-16LE, UTF-16BE);
// without one, UTF-16 is recognised by its zero bytes, valid UTF-8 is
// UTF-8, and anything else is taken as Windows-1252, the encoding of Excel
// on Western European and Latin American Windows.
func decodeText(data []byte) (text []byte, enc string, err error) {
	var dec *encoding.Decoder
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		text, enc = data[3:], "UTF-8 with BOM"
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		dec, enc = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder(), "UTF-16LE"
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		dec, enc = unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder(), "UTF-16BE"
	case looksUTF16(data, 1):
		dec, enc = unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewDecoder(), "UTF-16LE"
	case looksUTF16(data, 0):
		dec, enc = unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM).NewDecoder(), "UTF-16BE"
	case utf8.Valid(data):
		text, enc = data, "UTF-8"
	default:
		dec, enc = charmap.Windows1252.NewDecoder(), "Windows-1252"
	}
	if dec != nil {
		if text, err = dec.Bytes(data); err != nil {
			return nil, "", fmt.Errorf("the file cannot be decoded as %s: %w", enc, err)
		}
	}
	if binary(text) {
		return nil, "", fmt.Errorf("%w: it holds binary data, not text", ErrUnknownFormat)
	}
	return text, enc, nil
}

// looksUTF16 reports whether data looks like UTF-16 text without a byte
// order mark: in the first bytes, every byte at the zero position of a
// pair (odd for little endian, even for big endian) is zero, as it is for
// Latin text, and the other is not.
func looksUTF16(data []byte, zeroAt int) bool {
	n := min(len(data), 200) &^ 1
	if n < 4 {
		return false
	}
	for i := 0; i < n; i += 2 {
		if data[i+zeroAt] != 0 || data[i+1-zeroAt] == 0 {
			return false
		}
	}
	return true
}

// binary reports whether text looks like binary data: control characters
// making more than one byte in twenty of its first 8 KB. A few stray NUL
// bytes or escapes in a text file are not enough: the cell holding one is
// refused, with its row and field, when the participants are checked.
func binary(text []byte) bool {
	head := text[:min(len(text), 8<<10)]
	ctl := 0
	for _, b := range head {
		if b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' {
			ctl++
		}
	}
	return ctl > len(head)/20+2
}
