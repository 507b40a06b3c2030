// Package web holds the pages Workshop Desk writes for browsers: static,
// self-contained HTML made with html/template from embedded files, with no
// Fyne and no external resources.
package web
