module github.com/workshopdesk/workshopdesk

go 1.26.8

require (
	github.com/google/uuid v1.6.0
	go.etcd.io/bbolt v1.4.3
	golang.org/x/text v0.22.0
)

require (
	github.com/stretchr/testify v1.11.1 // indirect
	golang.org/x/sys v0.30.0 // indirect
)
