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

	// Attendance, in the compact form of attendance_codec.go (schema 4).
	bucketAttendance        = []byte("attendance_current")  // session‖participant → current record
	bucketAttendanceHistory = []byte("attendance_versions") // session‖participant‖version ID → an earlier version

	bucketCertificates              = []byte("certificates")
	bucketCertificatesByParticipant = []byte("certificates_by_participant") // participant → newest certificate ID
	bucketCertificateNumbers        = []byte("certificate_numbers")         // upper-case number → certificate ID (schema 3)
	bucketCertificateCodes          = []byte("certificate_codes")           // normalised short code → certificate ID (schema 3)
	bucketCertificateSequences      = []byte("certificate_sequences")       // workshop → last sequence, uint64 (schema 3)

	bucketImages = []byte("images") // SHA-256 (hex) → PNG or JPEG bytes: logos and signatures (schema 3)

	bucketOverrides       = []byte("eligibility_overrides")        // participant → current override (schema 3)
	bucketOverrideHistory = []byte("eligibility_override_history") // participant‖override ID → record (schema 3)

	// Question banks, tests and answers (created on open when missing; no schema change).
	bucketQuestions          = []byte("questions")            // workshop‖question → record
	bucketQuizzes            = []byte("quizzes")              // workshop‖test → record
	bucketQuizAnswers        = []byte("quiz_answers")         // test‖participant → current answer sheet
	bucketQuizAnswersHistory = []byte("quiz_answers_history") // test‖participant‖version ID → answer sheet
)

// Keys in the meta bucket.
var (
	metaApp      = []byte("app")
	metaSchema   = []byte("schema")
	metaDeviceID = []byte("device_id")
	metaCreated  = []byte("created_at")
	// metaSigningKey holds the Ed25519 private key (seed‖public key, 64
	// bytes) that signs certificates; created on first use (schema 3).
	metaSigningKey = []byte("certificate_signing_key")
	// metaEncryption holds the passphrase header of a file protected by a
	// passphrase (passphrase.go); metaKeyID names its data key. Both are
	// absent from a file without one.
	metaEncryption = []byte("encryption")
	metaKeyID      = []byte("encryption_key_id")
)

// plainBuckets hold only IDs, counters and codes that name no person,
// read as they are: their values are never sealed. Every other bucket's
// values are sealed in a file with a passphrase (seal.go), and the meta
// bucket is copied as it is but for the signing key; the badge index is
// rebuilt with keyed hashes. A new index bucket read raw belongs here.
var plainBuckets = [][]byte{
	bucketWorkshopCodes, bucketSessionsByWorkshop, bucketParticipantsByWorkshop,
	bucketCertificatesByParticipant, bucketCertificateNumbers, bucketCertificateCodes, bucketCertificateSequences,
}

// appName is stored under metaApp to recognise a Workshop Desk file.
const appName = "workshopdesk"

// allBuckets is every bucket of the current schema, created on first open.
var allBuckets = [][]byte{
	bucketMeta,
	bucketWorkshops, bucketWorkshopCodes,
	bucketSessions, bucketSessionsByWorkshop,
	bucketParticipants, bucketParticipantsByWorkshop, bucketBadgeCodes,
	bucketAttendance, bucketAttendanceHistory,
	bucketCertificates, bucketCertificatesByParticipant,
	bucketCertificateNumbers, bucketCertificateCodes, bucketCertificateSequences,
	bucketOverrides, bucketOverrideHistory,
	bucketImages,
	bucketQuestions, bucketQuizzes, bucketQuizAnswers, bucketQuizAnswersHistory,
}
