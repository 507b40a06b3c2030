package pdf

// recoveryWords are the texts of the recovery sheet in one language.
type recoveryWords struct {
	title, kicker   string // "Recovery sheet", "WORKSHOP DESK"
	file, made      string // the labels of the file's path and the date
	keyLabel        string // "Recovery key"
	what, keep, use string // the paragraphs
	once            string
}

// recoveryWording holds the recovery sheet's texts by language; English
// stands in for a language without them.
var recoveryWording = map[string]recoveryWords{
	"en": {title: "Recovery sheet", kicker: "WORKSHOP DESK · DATA FILE PROTECTED BY A PASSPHRASE",
		file: "Data file", made: "Made on", keyLabel: "Recovery key",
		what: "This key opens the data file named above, and its backups, when the passphrase is forgotten. With it, Workshop Desk lets you set a new passphrase.",
		keep: "Keep this sheet somewhere safe, away from the laptop. Whoever holds it and a copy of the data file can read the participants' personal data.",
		use:  "To use it: start Workshop Desk, choose “Use the recovery key” when it asks for the passphrase, and type the key (dashes, spaces and capitals do not matter), or scan the QR code. On the command line: workshopctl passphrase change --recovery.",
		once: "Changing the passphrase does not change this key. The key is not kept anywhere else: this sheet cannot be printed again."},
	"fr": {title: "Feuille de secours", kicker: "WORKSHOP DESK · FICHIER DE DONNÉES PROTÉGÉ PAR UNE PHRASE SECRÈTE",
		file: "Fichier de données", made: "Établie le", keyLabel: "Clé de secours",
		what: "Cette clé ouvre le fichier de données indiqué ci-dessus, et ses sauvegardes, si la phrase secrète est oubliée. Avec elle, Workshop Desk vous laisse choisir une nouvelle phrase secrète.",
		keep: "Rangez cette feuille en lieu sûr, loin de l’ordinateur. Qui la détient avec une copie du fichier peut lire les données personnelles des participants.",
		use:  "Pour l’utiliser : lancez Workshop Desk, choisissez « Utiliser la clé de secours » quand il demande la phrase secrète, et tapez la clé (tirets, espaces et majuscules sont sans importance), ou lisez le code QR. En ligne de commande : workshopctl passphrase change --recovery.",
		once: "Changer la phrase secrète ne change pas cette clé. La clé n’est conservée nulle part ailleurs : cette feuille ne peut pas être réimprimée."},
	"es": {title: "Hoja de recuperación", kicker: "WORKSHOP DESK · ARCHIVO DE DATOS PROTEGIDO CON UNA FRASE DE PASO",
		file: "Archivo de datos", made: "Emitida el", keyLabel: "Clave de recuperación",
		what: "Esta clave abre el archivo de datos indicado arriba, y sus copias de seguridad, si se olvida la frase de paso. Con ella, Workshop Desk le permite elegir una frase de paso nueva.",
		keep: "Guarde esta hoja en un lugar seguro, lejos del portátil. Quien la tenga junto con una copia del archivo puede leer los datos personales de los participantes.",
		use:  "Para usarla: abra Workshop Desk, elija «Usar la clave de recuperación» cuando pida la frase de paso y escriba la clave (guiones, espacios y mayúsculas no importan), o escanee el código QR. En la línea de comandos: workshopctl passphrase change --recovery.",
		once: "Cambiar la frase de paso no cambia esta clave. La clave no se guarda en ningún otro lugar: esta hoja no se puede volver a imprimir."},
}
