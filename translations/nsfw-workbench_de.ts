<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>MediaDecoder</name>
    <message>
        <source>cannot decode GIF: %1</source>
        <translation>GIF kann nicht dekodiert werden: %1</translation>
    </message>
</context>
<context>
    <name>nsfw::CsvLabels</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>expected path,label[,annotator]</source>
        <translation>erwartet: Pfad,Label[,Annotator]</translation>
    </message>
    <message>
        <source>unknown label &quot;%1&quot; (safe, nsfw, unsure or empty)</source>
        <translation>unbekanntes Label „%1“ (safe, nsfw, unsure oder leer)</translation>
    </message>
    <message>
        <source>bad frame number in &quot;%1&quot;</source>
        <translation>ungültige Bildnummer in „%1“</translation>
    </message>
    <message>
        <source>no item with the path &quot;%1&quot; in this project</source>
        <translation>kein Element mit dem Pfad „%1“ in diesem Projekt</translation>
    </message>
</context>
<context>
    <name>nsfw::FileWalker</name>
    <message>
        <source>the file name is not valid UTF-8; rename it to import it</source>
        <translation>der Dateiname ist kein gültiges UTF-8; benennen Sie die Datei um, um sie zu importieren</translation>
    </message>
    <message>
        <source>symbolic link loop</source>
        <translation>Schleife symbolischer Links</translation>
    </message>
    <message>
        <source>broken symbolic link</source>
        <translation>defekter symbolischer Link</translation>
    </message>
    <message>
        <source>cannot access: %1</source>
        <translation>kein Zugriff: %1</translation>
    </message>
    <message>
        <source>folder already visited (symbolic link loop or second link to it)</source>
        <translation>Ordner bereits besucht (Schleife symbolischer Links oder zweiter Link darauf)</translation>
    </message>
    <message>
        <source>cannot open folder: %1</source>
        <translation>Ordner kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>keine reguläre Datei</translation>
    </message>
    <message>
        <source>not a supported image or video type</source>
        <translation>kein unterstütztes Bild- oder Videoformat</translation>
    </message>
</context>
<context>
    <name>nsfw::GalleryModel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source> (frame at %1 s)</source>
        <translation> (Bild bei %1 s)</translation>
    </message>
    <message>
        <source>Score %1</source>
        <translation>Score %1</translation>
    </message>
    <message>
        <source>File missing</source>
        <translation>Datei fehlt</translation>
    </message>
</context>
<context>
    <name>nsfw::Importer</name>
    <message>
        <source>cannot read: %1</source>
        <translation>nicht lesbar: %1</translation>
    </message>
    <message>
        <source>the file disappeared during the import</source>
        <translation>die Datei ist während des Imports verschwunden</translation>
    </message>
    <message>
        <source>empty file (0 bytes)</source>
        <translation>leere Datei (0 Bytes)</translation>
    </message>
    <message>
        <source>file too large for an image (%1 MB)</source>
        <translation>Datei zu groß für ein Bild (%1 MB)</translation>
    </message>
    <message>
        <source>cannot read the whole file: %1</source>
        <translation>die Datei kann nicht vollständig gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>nsfw::Label</name>
    <message>
        <source>Safe</source>
        <translation>Sicher</translation>
    </message>
    <message>
        <source>NSFW</source>
        <translation>NSFW</translation>
    </message>
    <message>
        <source>Unsure</source>
        <translation>Unsicher</translation>
    </message>
    <message>
        <source>Unlabeled</source>
        <translation>Ohne Label</translation>
    </message>
</context>
<context>
    <name>nsfw::LabelStore</name>
    <message>
        <source>An annotator name is required.</source>
        <translation>Ein Annotatorname ist erforderlich.</translation>
    </message>
    <message>
        <source>There is no item %1 in this project.</source>
        <translation>In diesem Projekt gibt es kein Element %1.</translation>
    </message>
</context>
<context>
    <name>nsfw::MediaDecoder</name>
    <message>
        <source>empty file (0 bytes)</source>
        <translation>leere Datei (0 Bytes)</translation>
    </message>
    <message>
        <source>not an image: the content is no known image format</source>
        <translation>kein Bild: der Inhalt ist in keinem bekannten Bildformat</translation>
    </message>
    <message>
        <source>damaged %1 header: no image size</source>
        <translation>beschädigter %1-Header: keine Bildgröße</translation>
    </message>
    <message>
        <source>image too large: %1 x %2 pixels is over the limit of %3 megapixels</source>
        <translation>Bild zu groß: %1 × %2 Pixel überschreiten die Grenze von %3 Megapixeln</translation>
    </message>
    <message>
        <source>truncated JPEG: the data ends before the image does</source>
        <translation>abgeschnittenes JPEG: die Daten enden vor dem Bild</translation>
    </message>
    <message>
        <source>cannot decode %1: %2</source>
        <translation>%1 kann nicht dekodiert werden: %2</translation>
    </message>
    <message>
        <source>cannot decode %1: damaged or truncated data</source>
        <translation>%1 kann nicht dekodiert werden: beschädigte oder abgeschnittene Daten</translation>
    </message>
    <message>
        <source>unsupported %1 pixel format</source>
        <translation>nicht unterstütztes %1-Pixelformat</translation>
    </message>
    <message>
        <source>the file is missing (moved or deleted?)</source>
        <translation>die Datei fehlt (verschoben oder gelöscht?)</translation>
    </message>
    <message>
        <source>file too large for an image (%1 MB)</source>
        <translation>Datei zu groß für ein Bild (%1 MB)</translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation>nicht lesbar: %1</translation>
    </message>
    <message>
        <source>cannot open the video: no decodable stream (damaged file or unknown codec)</source>
        <translation>das Video kann nicht geöffnet werden: kein dekodierbarer Stream (beschädigte Datei oder unbekannter Codec)</translation>
    </message>
    <message>
        <source>cannot decode the video&apos;s first frame</source>
        <translation>das erste Bild des Videos kann nicht dekodiert werden</translation>
    </message>
    <message>
        <source>the video reports no usable frame rate</source>
        <translation>das Video meldet keine brauchbare Bildrate</translation>
    </message>
    <message>
        <source>cannot decode the video: %1</source>
        <translation>das Video kann nicht dekodiert werden: %1</translation>
    </message>
    <message>
        <source>the video file is missing (moved or deleted?)</source>
        <translation>die Videodatei fehlt (verschoben oder gelöscht?)</translation>
    </message>
    <message>
        <source>cannot open the video</source>
        <translation>das Video kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>cannot decode frame %1</source>
        <translation>Bild %1 kann nicht dekodiert werden</translation>
    </message>
    <message>
        <source>cannot decode frame %1: %2</source>
        <translation>Bild %1 kann nicht dekodiert werden: %2</translation>
    </message>
</context>
<context>
    <name>nsfw::PictureLoader</name>
    <message>
        <source>The picture could not be decoded.</source>
        <translation>Das Bild konnte nicht dekodiert werden.</translation>
    </message>
    <message>
        <source>No picture for this item.</source>
        <translation>Kein Bild für dieses Element.</translation>
    </message>
</context>
<context>
    <name>nsfw::ProjectDatabase</name>
    <message>
        <source>%1 is a folder, not a project file.</source>
        <translation>%1 ist ein Ordner, keine Projektdatei.</translation>
    </message>
    <message>
        <source>The project %1 does not exist.</source>
        <translation>Das Projekt %1 existiert nicht.</translation>
    </message>
    <message>
        <source>%1 already exists; choose another name or open it.</source>
        <translation>%1 existiert bereits; wählen Sie einen anderen Namen oder öffnen Sie es.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Der Ordner %1 existiert nicht.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is an empty file, not an NSFW Workbench project.</source>
        <translation>%1 ist eine leere Datei, kein NSFW-Workbench-Projekt.</translation>
    </message>
    <message>
        <source>%1 is not an NSFW Workbench project (it is not an SQLite database).</source>
        <translation>%1 ist kein NSFW-Workbench-Projekt (keine SQLite-Datenbank).</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1 is not an NSFW Workbench project: %2</source>
        <translation>%1 ist kein NSFW-Workbench-Projekt: %2</translation>
    </message>
    <message>
        <source>%1 is an SQLite database of another application, not an NSFW Workbench project.</source>
        <translation>%1 ist eine SQLite-Datenbank einer anderen Anwendung, kein NSFW-Workbench-Projekt.</translation>
    </message>
    <message>
        <source>%1 was written by a newer version of NSFW Workbench (project format %2; this version reads up to %3). Please update the application.</source>
        <translation>%1 wurde von einer neueren Version von NSFW Workbench geschrieben (Projektformat %2; diese Version liest bis %3). Bitte aktualisieren Sie die Anwendung.</translation>
    </message>
    <message>
        <source>Cannot configure %1: %2</source>
        <translation>%1 kann nicht eingerichtet werden: %2</translation>
    </message>
    <message>
        <source>Cannot upgrade %1: %2</source>
        <translation>%1 kann nicht aktualisiert werden: %2</translation>
    </message>
    <message>
        <source>project format %1 is newer than this version understands</source>
        <translation>Projektformat %1 ist neuer, als diese Version versteht</translation>
    </message>
</context>
<context>
    <name>nsfw::Wellbeing</name>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Blur</source>
        <translation>Weichzeichnen</translation>
    </message>
    <message>
        <source>Pixelate</source>
        <translation>Verpixeln</translation>
    </message>
    <message>
        <source>Greyscale</source>
        <translation>Graustufen</translation>
    </message>
</context>
<context>
    <name>nsfw::cli</name>
    <message>
        <source>Measure import throughput, label commit latency, and opening and counting a large project. Uses a temporary folder.</source>
        <translation>Misst den Importdurchsatz, die Latenz beim Speichern eines Labels sowie das Öffnen und Zählen eines großen Projekts. Verwendet einen temporären Ordner.</translation>
    </message>
    <message>
        <source>Print one JSON object.</source>
        <translation>Ein JSON-Objekt ausgeben.</translation>
    </message>
    <message>
        <source>Folder to import (default: Debian&apos;s clip art).</source>
        <translation>Zu importierender Ordner (Standard: Debians Clipart).</translation>
    </message>
    <message>
        <source>Items in the large project (default 1000000).</source>
        <translation>Elemente im großen Projekt (Standard 1000000).</translation>
    </message>
    <message>
        <source>Label commits to time (default 3000).</source>
        <translation>Anzahl zu messender Label-Speicherungen (Standard 3000).</translation>
    </message>
    <message>
        <source>Where to put the temporary projects.</source>
        <translation>Wo die temporären Projekte abgelegt werden.</translation>
    </message>
    <message>
        <source>Cannot make a temporary folder.</source>
        <translation>Es kann kein temporärer Ordner angelegt werden.</translation>
    </message>
    <message>
        <source>Importing %1 ...</source>
        <translation>Importiere %1 ...</translation>
    </message>
    <message>
        <source>Timing label commits ...</source>
        <translation>Messe Label-Speicherungen ...</translation>
    </message>
    <message>
        <source>Building a project of %1 items ...</source>
        <translation>Erzeuge ein Projekt mit %1 Elementen ...</translation>
    </message>
    <message>
        <source>import: %1 files in %2 s = %3 files/s (10,000 files: %4 s; target &lt; 60 s)</source>
        <translation>Import: %1 Dateien in %2 s = %3 Dateien/s (10.000 Dateien: %4 s; Ziel &lt; 60 s)</translation>
    </message>
    <message>
        <source>label commit: median %1 ms, p99 %2 ms, max %3 ms over %4 commits (target p99 &lt; 5 ms)</source>
        <translation>Label speichern: Median %1 ms, p99 %2 ms, max. %3 ms bei %4 Speicherungen (Ziel p99 &lt; 5 ms)</translation>
    </message>
    <message>
        <source>large project: %1 items opened and counted in %2 ms median (target &lt; 1000 ms)</source>
        <translation>großes Projekt: %1 Elemente geöffnet und gezählt in %2 ms (Median; Ziel &lt; 1000 ms)</translation>
    </message>
    <message>
        <source>Create a new project file.</source>
        <translation>Eine neue Projektdatei anlegen.</translation>
    </message>
    <message>
        <source>Import images and videos (folders are walked).</source>
        <translation>Bilder und Videos importieren (Ordner werden durchsucht).</translation>
    </message>
    <message>
        <source>Count items by kind and by current label.</source>
        <translation>Elemente nach Art und aktuellem Label zählen.</translation>
    </message>
    <message>
        <source>Set the label of items given by path or id.</source>
        <translation>Das Label von Elementen setzen, angegeben über Pfad oder ID.</translation>
    </message>
    <message>
        <source>Export or import labels as CSV.</source>
        <translation>Labels als CSV exportieren oder importieren.</translation>
    </message>
    <message>
        <source>Find files that were moved or deleted since import.</source>
        <translation>Dateien finden, die seit dem Import verschoben oder gelöscht wurden.</translation>
    </message>
    <message>
        <source>Score images with the NSFW model.</source>
        <translation>Bilder mit dem NSFW-Modell bewerten.</translation>
    </message>
    <message>
        <source>Measure inference speed (or: benchmark store).</source>
        <translation>Inferenzgeschwindigkeit messen (oder: benchmark store).</translation>
    </message>
    <message>
        <source>Unknown command: %1</source>
        <translation>Unbekannter Befehl: %1</translation>
    </message>
    <message>
        <source>Unknown benchmark suite: %1 (inference, store)</source>
        <translation>Unbekannte Benchmark-Reihe: %1 (inference, store)</translation>
    </message>
    <message>
        <source>Try: %1 --help</source>
        <translation>Versuchen Sie: %1 --help</translation>
    </message>
    <message>
        <source>Import images and videos into a project. Folders are walked recursively; files that cannot be imported are reported with the reason and skipped. Exit status 0 when the run completed, even if some files were skipped.</source>
        <translation>Bilder und Videos in ein Projekt importieren. Ordner werden rekursiv durchsucht; Dateien, die nicht importiert werden können, werden mit Grund gemeldet und übersprungen. Rückgabewert 0, wenn der Lauf abgeschlossen wurde, auch wenn Dateien übersprungen wurden.</translation>
    </message>
    <message>
        <source>The project file (see: init).</source>
        <translation>Die Projektdatei (siehe: init).</translation>
    </message>
    <message>
        <source>Files or folders to import.</source>
        <translation>Zu importierende Dateien oder Ordner.</translation>
    </message>
    <message>
        <source>Label files under folders named safe, nsfw or unsure.</source>
        <translation>Dateien in Ordnern namens safe, nsfw oder unsure entsprechend labeln.</translation>
    </message>
    <message>
        <source>Sample one video frame every SECONDS (default 1).</source>
        <translation>Alle SECONDS Sekunden ein Videobild entnehmen (Standard 1).</translation>
    </message>
    <message>
        <source>Name recorded with labels from folders (default: the user name).</source>
        <translation>Name, unter dem Labels aus Ordnernamen gespeichert werden (Standard: der Benutzername).</translation>
    </message>
    <message>
        <source>Refuse images larger than this (default 150).</source>
        <translation>Bilder ablehnen, die größer sind (Standard 150).</translation>
    </message>
    <message>
        <source>Also list duplicates.</source>
        <translation>Auch Duplikate auflisten.</translation>
    </message>
    <message>
        <source>import takes a project file and at least one path.</source>
        <translation>import erwartet eine Projektdatei und mindestens einen Pfad.</translation>
    </message>
    <message>
        <source>--frame-every needs a positive number of seconds.</source>
        <translation>--frame-every erwartet eine positive Anzahl Sekunden.</translation>
    </message>
    <message>
        <source>--max-megapixels needs a positive number.</source>
        <translation>--max-megapixels erwartet eine positive Zahl.</translation>
    </message>
    <message>
        <source>%1/%2 files: %3 imported, %4 duplicates, %5 skipped</source>
        <translation>%1/%2 Dateien: %3 importiert, %4 Duplikate, %5 übersprungen</translation>
    </message>
    <message>
        <source>Import failed: %1</source>
        <translation>Import fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>skipped: %1: %2</source>
        <translation>übersprungen: %1: %2</translation>
    </message>
    <message>
        <source>Imported %1 files (%2 video frames), %3 duplicates, %4 skipped, %5 found again after a move, %6 labels from folders, in %7 s.</source>
        <translation>%1 Dateien importiert (%2 Videobilder), %3 Duplikate, %4 übersprungen, %5 nach Verschieben wiedergefunden, %6 Labels aus Ordnernamen, in %7 s.</translation>
    </message>
    <message>
        <source>Duplicates are files whose content is already in the project; they were not imported again.</source>
        <translation>Duplikate sind Dateien, deren Inhalt bereits im Projekt ist; sie wurden nicht erneut importiert.</translation>
    </message>
    <message>
        <source>Export the current labels to CSV (path,label,annotator), or import labels from such a file.</source>
        <translation>Die aktuellen Labels als CSV exportieren (Pfad,Label,Annotator) oder Labels aus einer solchen Datei importieren.</translation>
    </message>
    <message>
        <source>The project file.</source>
        <translation>Die Projektdatei.</translation>
    </message>
    <message>
        <source>Write the labels to FILE.csv.</source>
        <translation>Die Labels in FILE.csv schreiben.</translation>
    </message>
    <message>
        <source>Read labels from FILE.csv.</source>
        <translation>Labels aus FILE.csv lesen.</translation>
    </message>
    <message>
        <source>Annotator for rows without one (default: the user name).</source>
        <translation>Annotator für Zeilen ohne Angabe (Standard: der Benutzername).</translation>
    </message>
    <message>
        <source>labels takes one project file and either --export FILE or --import FILE.</source>
        <translation>labels erwartet eine Projektdatei und entweder --export FILE oder --import FILE.</translation>
    </message>
    <message>
        <source>Wrote %1 labels to %2</source>
        <translation>%1 Labels nach %2 geschrieben</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>%1 rows: %2 labels changed, %3 already so, %4 rows with errors.</source>
        <translation>%1 Zeilen: %2 Labels geändert, %3 bereits so, %4 Zeilen mit Fehlern.</translation>
    </message>
    <message>
        <source>Give items a label. Each label is committed before the next one is written, and reported as committed on standard output.</source>
        <translation>Elementen ein Label geben. Jedes Label wird gespeichert, bevor das nächste geschrieben wird, und auf der Standardausgabe als gespeichert gemeldet.</translation>
    </message>
    <message>
        <source>safe, nsfw, unsure or none.</source>
        <translation>safe, nsfw, unsure oder none.</translation>
    </message>
    <message>
        <source>Item ids or stored paths.</source>
        <translation>Element-IDs oder gespeicherte Pfade.</translation>
    </message>
    <message>
        <source>Who labels (default: the user name).</source>
        <translation>Wer labelt (Standard: der Benutzername).</translation>
    </message>
    <message>
        <source>Label every item N times in turn, cycling through safe, nsfw, unsure (LABEL is ignored); for stress tests.</source>
        <translation>Jedes Element N-mal reihum labeln, abwechselnd safe, nsfw, unsure (LABEL wird ignoriert); für Belastungstests.</translation>
    </message>
    <message>
        <source>label takes a project file, a label and at least one item.</source>
        <translation>label erwartet eine Projektdatei, ein Label und mindestens ein Element.</translation>
    </message>
    <message>
        <source>Unknown label: %1</source>
        <translation>Unbekanntes Label: %1</translation>
    </message>
    <message>
        <source>No such item: %1</source>
        <translation>Element nicht gefunden: %1</translation>
    </message>
    <message>
        <source>Create a new, empty project file.</source>
        <translation>Eine neue, leere Projektdatei anlegen.</translation>
    </message>
    <message>
        <source>The project file to create, e.g. demo.nwproj.</source>
        <translation>Die anzulegende Projektdatei, z. B. demo.nwproj.</translation>
    </message>
    <message>
        <source>init takes one project file.</source>
        <translation>init erwartet eine Projektdatei.</translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation>%1 angelegt</translation>
    </message>
    <message>
        <source>Count the project&apos;s items by kind and by current label.</source>
        <translation>Die Elemente des Projekts nach Art und aktuellem Label zählen.</translation>
    </message>
    <message>
        <source>stats takes one project file.</source>
        <translation>stats erwartet eine Projektdatei.</translation>
    </message>
    <message>
        <source>%1: %2 items</source>
        <translation>%1: %2 Elemente</translation>
    </message>
    <message>
        <source>total</source>
        <translation>gesamt</translation>
    </message>
    <message>
        <source>%1 items are missing on disk (see: nsfw-workbench check).</source>
        <translation>%1 Elemente fehlen auf der Festplatte (siehe: nsfw-workbench check).</translation>
    </message>
    <message>
        <source>Look for every item&apos;s file; mark the ones that were moved or deleted as missing (and back).</source>
        <translation>Die Datei jedes Elements suchen; verschobene oder gelöschte als fehlend markieren (und wiedergefundene zurück).</translation>
    </message>
    <message>
        <source>check takes one project file.</source>
        <translation>check erwartet eine Projektdatei.</translation>
    </message>
    <message>
        <source>missing: %1</source>
        <translation>fehlt: %1</translation>
    </message>
    <message>
        <source>%1 newly missing, %2 found again; %3 items missing in all.</source>
        <translation>%1 neu fehlend, %2 wiedergefunden; insgesamt fehlen %3 Elemente.</translation>
    </message>
</context>
<context>
    <name>nsfw::ui</name>
    <message>
        <source>Label images and videos, fine-tune an NSFW classifier.</source>
        <translation>Bilder und Videos labeln, einen NSFW-Klassifikator feinabstimmen.</translation>
    </message>
    <message>
        <source>Project file to open.</source>
        <translation>Zu öffnende Projektdatei.</translation>
    </message>
</context>
<context>
    <name>nsfw::ui::GalleryDelegate</name>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>S</source>
        <comment>badge: safe</comment>
        <translation>S</translation>
    </message>
    <message>
        <source>N</source>
        <comment>badge: nsfw</comment>
        <translation>N</translation>
    </message>
    <message>
        <source>U</source>
        <comment>badge: unsure</comment>
        <translation>U</translation>
    </message>
    <message>
        <source>▶ video</source>
        <translation>▶ Video</translation>
    </message>
    <message>
        <source>frame</source>
        <translation>Bild</translation>
    </message>
</context>
<context>
    <name>nsfw::ui::GalleryPanel</name>
    <message>
        <source>Show:</source>
        <translation>Zeigen:</translation>
    </message>
    <message>
        <source>Unlabeled</source>
        <translation>Ohne Label</translation>
    </message>
    <message>
        <source>Safe</source>
        <translation>Sicher</translation>
    </message>
    <message>
        <source>NSFW</source>
        <translation>NSFW</translation>
    </message>
    <message>
        <source>Unsure</source>
        <translation>Unsicher</translation>
    </message>
    <message>
        <source>Show items labeled %1</source>
        <translation>Elemente mit Label „%1“ zeigen</translation>
    </message>
    <message>
        <source>Images and videos</source>
        <translation>Bilder und Videos</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>Videos</source>
        <translation>Videos</translation>
    </message>
    <message>
        <source>Video frames</source>
        <translation>Videobilder</translation>
    </message>
    <message>
        <source>Video frames are listed in the viewer&apos;s timeline; show them here to label them in the grid.</source>
        <translation>Videobilder stehen in der Zeitleiste des Betrachters; zeigen Sie sie hier, um sie im Raster zu labeln.</translation>
    </message>
    <message>
        <source>Score:</source>
        <translation>Score:</translation>
    </message>
    <message>
        <source>Model score range (needs a run that scored the items)</source>
        <translation>Score-Bereich des Modells (braucht einen Lauf, der die Elemente bewertet hat)</translation>
    </message>
    <message>
        <source>Import order</source>
        <translation>Importreihenfolge</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Score, highest first</source>
        <translation>Score, höchster zuerst</translation>
    </message>
    <message>
        <source>Score, lowest first</source>
        <translation>Score, niedrigster zuerst</translation>
    </message>
    <message>
        <source>Order:</source>
        <translation>Reihenfolge:</translation>
    </message>
    <message>
        <source>Thumbnail size</source>
        <translation>Vorschaugröße</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Größe:</translation>
    </message>
    <message>
        <source>Back to all items</source>
        <translation>Zurück zu allen Elementen</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n Element</numerusform>
            <numerusform>%n Elemente</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nsfw::ui::HistoryPanel</name>
    <message>
        <source>by hand</source>
        <translation>von Hand</translation>
    </message>
    <message>
        <source>undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>redo</source>
        <translation>Wiederholt</translation>
    </message>
    <message>
        <source>folder name</source>
        <translation>Ordnername</translation>
    </message>
    <message>
        <source>CSV import</source>
        <translation>CSV-Import</translation>
    </message>
    <message>
        <source>command line</source>
        <translation>Befehlszeile</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Was</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Wie</translation>
    </message>
    <message>
        <source>Never labeled</source>
        <translation>Nie gelabelt</translation>
    </message>
</context>
<context>
    <name>nsfw::ui::ImportController</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop after the current batch; what was imported stays</source>
        <translation>Nach dem laufenden Stapel anhalten; bereits Importiertes bleibt</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importiere …</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Breche ab …</translation>
    </message>
    <message>
        <source>Importing: %1 of %2 files, %3 new, %4 skipped</source>
        <translation>Importiere: %1 von %2 Dateien, %3 neu, %4 übersprungen</translation>
    </message>
</context>
<context>
    <name>nsfw::ui::ImportReportDialog</name>
    <message>
        <source>Import failed: %1</source>
        <translation>Import fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Import cancelled: </source>
        <translation>Import abgebrochen: </translation>
    </message>
    <message>
        <source>Import finished: </source>
        <translation>Import abgeschlossen: </translation>
    </message>
    <message numerus="yes">
        <source>%n new item(s)</source>
        <translation>
            <numerusform>%n neues Element</numerusform>
            <numerusform>%n neue Elemente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n video frame(s)</source>
        <translation>
            <numerusform>, %n Videobild</numerusform>
            <numerusform>, %n Videobilder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n duplicate(s)</source>
        <translation>
            <numerusform>, %n Duplikat</numerusform>
            <numerusform>, %n Duplikate</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n moved file(s) found again</source>
        <translation>
            <numerusform>, %n verschobene Datei wiedergefunden</numerusform>
            <numerusform>, %n verschobene Dateien wiedergefunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n skipped</source>
        <translation>
            <numerusform>, %n übersprungen</numerusform>
            <numerusform>, %n übersprungen</numerusform>
        </translation>
    </message>
    <message>
        <source> (%1 s)</source>
        <translation> (%1 s)</translation>
    </message>
    <message>
        <source>Import report</source>
        <translation>Importbericht</translation>
    </message>
    <message>
        <source>These files were not imported:</source>
        <translation>Diese Dateien wurden nicht importiert:</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>nsfw::ui::LabelingPage</name>
    <message>
        <source>Label not saved</source>
        <translation>Label nicht gespeichert</translation>
    </message>
    <message>
        <source>The label could not be written to the project file:
%1</source>
        <translation>Das Label konnte nicht in die Projektdatei geschrieben werden:
%1</translation>
    </message>
    <message>
        <source>No items here. Import images or videos with File ▸ Import, or drop them on the window.</source>
        <translation>Hier gibt es keine Elemente. Importieren Sie Bilder oder Videos über Datei ▸ Importieren oder ziehen Sie sie auf das Fenster.</translation>
    </message>
    <message>
        <source>%1 — frame at %2 s</source>
        <translation>%1 — Bild bei %2 s</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Lade …</translation>
    </message>
</context>
<context>
    <name>nsfw::ui::MainWindow</name>
    <message>
        <source>Label</source>
        <translation>Labeln</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New project…</source>
        <translation>&amp;Neues Projekt …</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>Projekt ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Import files…</source>
        <translation>Dateien &amp;importieren …</translation>
    </message>
    <message>
        <source>Import &amp;folder…</source>
        <translation>&amp;Ordner importieren …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>&amp;Label</source>
        <translation>&amp;Labeln</translation>
    </message>
    <message>
        <source>&amp;Auto-advance</source>
        <translation>&amp;Automatisch weiter</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Import running</source>
        <translation>Import läuft</translation>
    </message>
    <message>
        <source>Wait for the import to finish, or cancel it.</source>
        <translation>Warten Sie, bis der Import fertig ist, oder brechen Sie ihn ab.</translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation>Projekt kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>%1 - NSFW Workbench</source>
        <translation>%1 – NSFW Workbench</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>Neues Projekt</translation>
    </message>
    <message>
        <source>NSFW Workbench projects (%1)</source>
        <translation>NSFW-Workbench-Projekte (%1)</translation>
    </message>
    <message>
        <source>Cannot create project</source>
        <translation>Projekt kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>%1 already exists. Open it, or choose another name.</source>
        <translation>%1 existiert bereits. Öffnen Sie es oder wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <source>No recent projects</source>
        <translation>Keine zuletzt geöffneten Projekte</translation>
    </message>
    <message>
        <source>An import is already running.</source>
        <translation>Es läuft bereits ein Import.</translation>
    </message>
    <message>
        <source>Import images and videos</source>
        <translation>Bilder und Videos importieren</translation>
    </message>
    <message>
        <source>Images and videos (*.jpg *.jpeg *.png *.webp *.bmp *.tif *.tiff *.gif *.mp4 *.webm *.mkv *.avi *.mov);;All files (*)</source>
        <translation>Bilder und Videos (*.jpg *.jpeg *.png *.webp *.bmp *.tif *.tiff *.gif *.mp4 *.webm *.mkv *.avi *.mov);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Import a folder (with its subfolders)</source>
        <translation>Einen Ordner importieren (mit Unterordnern)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The new language applies when NSFW Workbench starts again.</source>
        <translation>Die neue Sprache gilt ab dem nächsten Start von NSFW Workbench.</translation>
    </message>
</context>
<context>
    <name>nsfw::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Wellbeing</source>
        <translation>Selbstschutz</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Every label is recorded with this name. Empty: your user name.</source>
        <translation>Jedes Label wird unter diesem Namen gespeichert. Leer: Ihr Benutzername.</translation>
    </message>
    <message>
        <source>Annotator name:</source>
        <translation>Name des Annotators:</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <source>A new language applies when the program starts again.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Programmstart.</translation>
    </message>
    <message>
        <source>Show the next item after labeling one</source>
        <translation>Nach dem Labeln das nächste Element zeigen</translation>
    </message>
    <message>
        <source>Auto-advance:</source>
        <translation>Automatisch weiter:</translation>
    </message>
    <message>
        <source>Cover content you have not judged yet, or judged NSFW, so you see no more of it than the task needs. Hold the reveal key to look.</source>
        <translation>Inhalte abdecken, die Sie noch nicht beurteilt oder als NSFW beurteilt haben, damit Sie nicht mehr davon sehen, als die Aufgabe erfordert. Halten Sie die Aufdecken-Taste gedrückt, um hinzusehen.</translation>
    </message>
    <message>
        <source>Cover with:</source>
        <translation>Abdecken mit:</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Stärke:</translation>
    </message>
    <message>
        <source>In the gallery and the timeline</source>
        <translation>In der Galerie und der Zeitleiste</translation>
    </message>
    <message>
        <source>In the viewer</source>
        <translation>Im Betrachter</translation>
    </message>
    <message>
        <source>Where:</source>
        <translation>Wo:</translation>
    </message>
    <message>
        <source>Unlabeled items (else only those the model predicts NSFW)</source>
        <translation>Elemente ohne Label (sonst nur die, die das Modell als NSFW vorhersagt)</translation>
    </message>
    <message>
        <source>Items labeled unsure</source>
        <translation>Als unsicher gelabelte Elemente</translation>
    </message>
    <message>
        <source>Cover:</source>
        <translation>Abdecken:</translation>
    </message>
    <message>
        <source>Items labeled or predicted NSFW, always</source>
        <translation>Als NSFW gelabelte oder vorhergesagte Elemente, immer</translation>
    </message>
    <message>
        <source>Reveal a thumbnail while the mouse is over it</source>
        <translation>Ein Vorschaubild aufdecken, solange die Maus darüber ist</translation>
    </message>
    <message>
        <source>Reveal:</source>
        <translation>Aufdecken:</translation>
    </message>
    <message>
        <source>Hold to reveal:</source>
        <translation>Zum Aufdecken halten:</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys (separate several with ;)</source>
        <translation>Tasten (mehrere mit ; trennen)</translation>
    </message>
</context>
<context>
    <name>nsfw::ui::Shortcuts</name>
    <message>
        <source>Label safe</source>
        <translation>Als sicher labeln</translation>
    </message>
    <message>
        <source>Label NSFW</source>
        <translation>Als NSFW labeln</translation>
    </message>
    <message>
        <source>Label unsure</source>
        <translation>Als unsicher labeln</translation>
    </message>
    <message>
        <source>Clear label</source>
        <translation>Label entfernen</translation>
    </message>
    <message>
        <source>Next item</source>
        <translation>Nächstes Element</translation>
    </message>
    <message>
        <source>Previous item</source>
        <translation>Vorheriges Element</translation>
    </message>
    <message>
        <source>Undo label</source>
        <translation>Label rückgängig machen</translation>
    </message>
    <message>
        <source>Redo label</source>
        <translation>Label wiederherstellen</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Fit to window</source>
        <translation>An Fenster anpassen</translation>
    </message>
    <message>
        <source>Give the whole video the label of the item shown</source>
        <translation>Dem ganzen Video das Label des gezeigten Elements geben</translation>
    </message>
</context>
<context>
    <name>nsfw::ui::StatusPanel</name>
    <message>
        <source>Labels given in this session, per minute since the first one</source>
        <translation>In dieser Sitzung vergebene Labels, pro Minute seit dem ersten</translation>
    </message>
    <message>
        <source>Labels are recorded under this name (Settings)</source>
        <translation>Labels werden unter diesem Namen gespeichert (Einstellungen)</translation>
    </message>
    <message>
        <source>Annotator: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Annotator: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message numerus="yes">
        <source>Session: %n label(s), %1/min</source>
        <translation>
            <numerusform>Sitzung: %n Label, %1/min</numerusform>
            <numerusform>Sitzung: %n Labels, %1/min</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nsfw::ui::ViewerPanel</name>
    <message>
        <source>Frames of the video: click one, Shift+click a range, then press a label key</source>
        <translation>Bilder des Videos: eines anklicken, mit Umschalt+Klick einen Bereich wählen, dann eine Label-Taste drücken</translation>
    </message>
    <message>
        <source>Whole video:</source>
        <translation>Ganzes Video:</translation>
    </message>
    <message>
        <source>Give the video and all its sampled frames this label</source>
        <translation>Dem Video und allen entnommenen Bildern dieses Label geben</translation>
    </message>
    <message numerus="yes">
        <source>Video label: %1 · %n sampled frame(s)</source>
        <translation>
            <numerusform>Video-Label: %1 · %n entnommenes Bild</numerusform>
            <numerusform>Video-Label: %1 · %n entnommene Bilder</numerusform>
        </translation>
    </message>
    <message>
        <source>score %1</source>
        <translation>Score %1</translation>
    </message>
</context>
</TS>
