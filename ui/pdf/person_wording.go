package pdf

// personWords are the fixed texts of a person's record in one language.
type personWords struct {
	docTitle, kicker, intro                                   string
	registration, consent, attendance, certificates, tests    string
	decisions, evaluation                                     string
	name, nativeName, honorific, organisation, orgType        string
	position, country, gender, email, phone, role, badge      string
	joined, notes, certLanguage, registered, updated, deleted string
	photos, shareList, followUp, yes, no, notAsked            string
	session, status, history, notMarked, noneRecorded         string
	number, issued, kind, reprints, voided, provisional       string
	granted, refused, reason                                  string
	test, score, recorded, versions, preTest, postTest, check string
	purged                                                    string
	present, late, excused, absent                            string
	exported, page                                            string
}

// personWording holds a person's record's texts in the languages the
// app's screens speak (English, French, Spanish); each has every text
// (TestPersonWordingComplete).
var personWording = map[string]personWords{
	"en": {docTitle: "Personal data record", kicker: "PERSONAL DATA RECORD",
		intro:        "Everything this workshop's data file holds about the person named below, as of the date at the foot of each page.",
		registration: "Registration", consent: "Consent", attendance: "Attendance, with every change", certificates: "Certificates",
		tests: "Test scores", decisions: "Certificate decisions taken by hand", evaluation: "Evaluation",
		name: "Name", nativeName: "Name in own script", honorific: "Title", organisation: "Organisation", orgType: "Organisation type",
		position: "Position", country: "Country", gender: "Gender", email: "Email", phone: "Phone", role: "Role", badge: "Badge code",
		joined: "Joined on", notes: "Notes", certLanguage: "Certificate language", registered: "Registered on", updated: "Last changed on", deleted: "Deleted on",
		photos: "Photographs", shareList: "Shared participants list", followUp: "Contact for follow-up",
		yes: "yes", no: "no", notAsked: "not asked",
		session: "Session", status: "Status", history: "History", notMarked: "not marked", noneRecorded: "None.",
		number: "Number", issued: "Issued on", kind: "Kind", reprints: "Reprints", voided: "Voided on %s: %s", provisional: "provisional",
		granted: "granted", refused: "refused", reason: "Reason",
		test: "Test", score: "Score", recorded: "Recorded on", versions: "Versions", preTest: "Pre-test", postTest: "Post-test", check: "Quick check",
		purged:  "The personal data of this record was removed on %s at the end of the retention period.",
		present: "present", late: "late", excused: "excused", absent: "absent",
		exported: "Exported on %s", page: "Page %d of %d"},
	"fr": {docTitle: "Relevé de données personnelles", kicker: "RELEVÉ DE DONNÉES PERSONNELLES",
		intro:        "Tout ce que le fichier de données de cet atelier contient sur la personne nommée ci-dessous, à la date indiquée en bas de chaque page.",
		registration: "Inscription", consent: "Consentement", attendance: "Présence, avec chaque modification", certificates: "Certificats",
		tests: "Résultats aux tests", decisions: "Décisions prises à la main sur le certificat", evaluation: "Évaluation",
		name: "Nom", nativeName: "Nom dans son écriture", honorific: "Civilité", organisation: "Organisation", orgType: "Type d’organisation",
		position: "Fonction", country: "Pays", gender: "Genre", email: "Courriel", phone: "Téléphone", role: "Rôle", badge: "Code du badge",
		joined: "Arrivée le", notes: "Remarques", certLanguage: "Langue du certificat", registered: "Inscrit le", updated: "Modifié le", deleted: "Supprimé le",
		photos: "Photographies", shareList: "Liste partagée des participants", followUp: "Contact pour un suivi",
		yes: "oui", no: "non", notAsked: "non demandé",
		session: "Séance", status: "Statut", history: "Historique", notMarked: "non noté", noneRecorded: "Aucun.",
		number: "Numéro", issued: "Délivré le", kind: "Type", reprints: "Réimpressions", voided: "Annulé le %s : %s", provisional: "provisoire",
		granted: "accordé", refused: "refusé", reason: "Motif",
		test: "Test", score: "Score", recorded: "Saisi le", versions: "Versions", preTest: "Pré-test", postTest: "Post-test", check: "Quiz de séance",
		purged:  "Les données personnelles de ce relevé ont été supprimées le %s, à la fin de la durée de conservation.",
		present: "présent", late: "en retard", excused: "excusé", absent: "absent",
		exported: "Exporté le %s", page: "Page %d sur %d"},
	"es": {docTitle: "Registro de datos personales", kicker: "REGISTRO DE DATOS PERSONALES",
		intro:        "Todo lo que el archivo de datos de este taller contiene sobre la persona nombrada abajo, en la fecha indicada al pie de cada página.",
		registration: "Inscripción", consent: "Consentimiento", attendance: "Asistencia, con cada cambio", certificates: "Certificados",
		tests: "Resultados de las pruebas", decisions: "Decisiones tomadas a mano sobre el certificado", evaluation: "Evaluación",
		name: "Nombre", nativeName: "Nombre en su escritura", honorific: "Tratamiento", organisation: "Organización", orgType: "Tipo de organización",
		position: "Cargo", country: "País", gender: "Género", email: "Correo electrónico", phone: "Teléfono", role: "Rol", badge: "Código de credencial",
		joined: "Incorporación el", notes: "Observaciones", certLanguage: "Idioma del certificado", registered: "Inscrito el", updated: "Modificado el", deleted: "Eliminado el",
		photos: "Fotografías", shareList: "Lista compartida de participantes", followUp: "Contacto para seguimiento",
		yes: "sí", no: "no", notAsked: "no preguntado",
		session: "Sesión", status: "Estado", history: "Historial", notMarked: "sin marcar", noneRecorded: "Ninguno.",
		number: "Número", issued: "Emitido el", kind: "Tipo", reprints: "Reimpresiones", voided: "Anulado el %s: %s", provisional: "provisional",
		granted: "concedido", refused: "denegado", reason: "Motivo",
		test: "Prueba", score: "Puntuación", recorded: "Registrado el", versions: "Versiones", preTest: "Prueba inicial", postTest: "Prueba final", check: "Prueba de sesión",
		purged:  "Los datos personales de este registro se eliminaron el %s, al final del período de conservación.",
		present: "presente", late: "con retraso", excused: "justificado", absent: "ausente",
		exported: "Exportado el %s", page: "Página %d de %d"},
}

// personEvaluation says, in each language, that the evaluation is not
// linked to the person.
var personEvaluation = map[string]string{
	"en": "The evaluation forms are anonymous: no response is linked to a participant, so none is part of this record.",
	"fr": "Les formulaires d’évaluation sont anonymes : aucune réponse n’est liée à un participant, aucune ne figure donc dans ce relevé.",
	"es": "Los formularios de evaluación son anónimos: ninguna respuesta está vinculada a un participante, por lo que ninguna figura en este registro.",
}
