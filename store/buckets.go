package store

// Bucket names. Records live in one bucket per type, keyed by their 16-byte
// ID; index buckets are written in the same transaction as their record.
var (
	bucketMeta = []byte("meta")

	bucketWorkshops     = []byte("workshops")
	bucketWorkshopCodes = []byte("workshop_codes") // lower-case code → workshop ID

	bucketSessions           = []byte("sessions")
	bucketSessionsByWorkshop = []byte("sessions_by_workshop") // workshop‖session → nil

	bucketParticipants           = []byte("participants")
	bucketParticipantsByWorkshop = []byte("participants_by_workshop") // workshop‖participant → nil
	bucketBadgeCodes             = []byte("badge_codes")              // workshop‖code → participant ID (schema 2)

	bucketAttendance        = []byte("attendance")         // session‖participant → current record
	bucketAttendanceMarks   = []byte("attendance_marks")   // session‖participant → compact mark (schema 2)
	bucketAttendanceHistory = []byte("attendance_history") // session‖participant‖version ID → record

	bucketCertificates              = []byte("certificates")
	bucketCertificatesByParticipant = []byte("certificates_by_participant") // participant → certificate ID
)

// Keys in the meta bucket.
var (
	metaApp      = []byte("app")
	metaSchema   = []byte("schema")
	metaDeviceID = []byte("device_id")
	metaCreated  = []byte("created_at")
)

// appName is stored under metaApp to recognise a Workshop Desk file.
const appName = "workshopdesk"

// allBuckets is every bucket of the current schema, created on first open.
var allBuckets = [][]byte{
	bucketMeta,
	bucketWorkshops, bucketWorkshopCodes,
	bucketSessions, bucketSessionsByWorkshop,
	bucketParticipants, bucketParticipantsByWorkshop, bucketBadgeCodes,
	bucketAttendance, bucketAttendanceMarks, bucketAttendanceHistory,
	bucketCertificates, bucketCertificatesByParticipant,
}
