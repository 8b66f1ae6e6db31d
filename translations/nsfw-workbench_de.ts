<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name></name>
    <message>
        <source>Nearly uniform</source>
        <translation>Nahezu einheitlich</translation>
    </message>
    <message>
        <source>Images with next to nothing in them (blank, a flat colour, a faint fade): grey-level entropy below %1 bits (cleanvision&apos;s &quot;low information&quot;) and grey levels spread less than %2 % of the range.</source>
        <translation>Bilder, in denen so gut wie nichts zu sehen ist (leer, eine einfarbige Fläche, ein schwacher Verlauf): Grauwert-Entropie unter %1 Bit („low information“ von cleanvision), und die Grauwerte verteilen sich über weniger als %2 % des Wertebereichs.</translation>
    </message>
    <message>
        <source>Very dark</source>
        <translation>Sehr dunkel</translation>
    </message>
    <message>
        <source>Images whose brightest 1 % of pixels is still below %1 % brightness (cleanvision&apos;s &quot;dark&quot; threshold).</source>
        <translation>Bilder, bei denen selbst das hellste 1 % der Pixel unter %1 % Helligkeit liegt (Schwelle „dark“ von cleanvision).</translation>
    </message>
    <message>
        <source>Very bright</source>
        <translation>Sehr hell</translation>
    </message>
    <message>
        <source>Washed-out images: the darkest 5 % of pixels is still above %1 % brightness (cleanvision&apos;s &quot;light&quot; threshold) and grey levels spread less than %2 % of the range.</source>
        <translation>Ausgewaschene Bilder: Selbst die dunkelsten 5 % der Pixel liegen über %1 % Helligkeit (Schwelle „light“ von cleanvision), und die Grauwerte verteilen sich über weniger als %2 % des Wertebereichs.</translation>
    </message>
    <message>
        <source>Blurry</source>
        <translation>Unscharf</translation>
    </message>
    <message>
        <source>Images with little fine detail for their contrast (out of focus, shaken, heavily smoothed): sharpness below %1. Nearly uniform images are left to their own check.</source>
        <translation>Bilder mit wenig Feinzeichnung im Verhältnis zu ihrem Kontrast (unscharf, verwackelt, stark geglättet): Schärfe unter %1. Nahezu einheitliche Bilder erfasst ihre eigene Prüfung.</translation>
    </message>
    <message>
        <source>Tiny</source>
        <translation>Winzig</translation>
    </message>
    <message>
        <source>Images and videos of fewer pixels than %1x%1: the model sees 224x224 and enlarges them several times.</source>
        <translation>Bilder und Videos mit weniger Pixeln als %1x%1: Das Modell sieht 224x224 und vergrößert sie um ein Vielfaches.</translation>
    </message>
    <message>
        <source>Extreme aspect ratio</source>
        <translation>Extremes Seitenverhältnis</translation>
    </message>
    <message>
        <source>Images and videos whose short side is less than %1 of the long one (cleanvision&apos;s &quot;odd aspect ratio&quot;): the model squeezes them into a square.</source>
        <translation>Bilder und Videos, deren kurze Seite weniger als %1 der langen beträgt („odd aspect ratio“ von cleanvision): Das Modell staucht sie zu einem Quadrat.</translation>
    </message>
    <message>
        <source>Greyscale</source>
        <translation>Graustufen</translation>
    </message>
    <message>
        <source>Images without colour: all but a thousandth of the pixels have their red, green and blue within %1 of each other (0-255); a model trained on colour may judge them differently.</source>
        <translation>Bilder ohne Farbe: Bei allen Pixeln bis auf ein Tausendstel liegen Rot, Grün und Blau höchstens %1 auseinander (0-255); ein auf Farbbildern trainiertes Modell beurteilt sie womöglich anders.</translation>
    </message>
</context>
<context>
    <name>MediaDecoder</name>
    <message>
        <source>cannot decode GIF: %1</source>
        <translation>GIF kann nicht dekodiert werden: %1</translation>
    </message>
</context>
<context>
    <name>nsfw</name>
    <message>
        <source>Download it with packaging/setup.sh (it fetches the pinned nsfwjs package with npm and writes the model files to %1), or pass --model DIR.</source>
        <translation>Laden Sie es mit packaging/setup.sh herunter (das Skript holt das festgelegte nsfwjs-Paket mit npm und schreibt die Modelldateien nach %1), oder geben Sie --model DIR an.</translation>
    </message>
    <message>
        <source>No model found at %1. </source>
        <translation>Kein Modell gefunden unter %1. </translation>
    </message>
    <message>
        <source>empty file</source>
        <translation>leere Datei</translation>
    </message>
    <message>
        <source>not an image, or a format OpenCV cannot decode</source>
        <translation>kein Bild oder ein Format, das OpenCV nicht dekodieren kann</translation>
    </message>
    <message>
        <source>cannot decode: %1</source>
        <translation>kann nicht dekodiert werden: %1</translation>
    </message>
    <message>
        <source>cannot preprocess: %1</source>
        <translation>kann nicht vorverarbeitet werden: %1</translation>
    </message>
    <message>
        <source>image too large</source>
        <translation>Bild zu groß</translation>
    </message>
    <message>
        <source>cannot open: %1</source>
        <translation>kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1 holds no model</source>
        <translation>%1 enthält kein Modell</translation>
    </message>
    <message>
        <source>cannot copy %1</source>
        <translation>%1 kann nicht kopiert werden</translation>
    </message>
    <message>
        <source>image too large (%1 x %2 pixels)</source>
        <translation>Bild zu groß (%1 × %2 Pixel)</translation>
    </message>
    <message>
        <source>Install the nsfw-workbench-model package (it puts the model files in %1), or download them with packaging/setup.sh (it fetches the pinned nsfwjs package with npm and writes the model files to %2), or pass --model DIR.</source>
        <translation>Installieren Sie das Paket nsfw-workbench-model (es legt die Modelldateien in %1 ab), oder laden Sie sie mit packaging/setup.sh herunter (es holt das fest vorgegebene nsfwjs-Paket mit npm und schreibt die Modelldateien nach %2), oder geben Sie --model DIR an.</translation>
    </message>
    <message>
        <source>%1 is a folder; give the name of the .onnx file to write</source>
        <translation>%1 ist ein Ordner; geben Sie den Namen der zu schreibenden .onnx-Datei an</translation>
    </message>
    <message>
        <source>%1 exists; --force replaces a model file this tool exported, never any other file</source>
        <translation>%1 existiert; --force ersetzt eine Modelldatei, die dieses Werkzeug exportiert hat, nie eine andere Datei</translation>
    </message>
    <message>
        <source>%1 exists and is no ONNX model this tool exported: left untouched</source>
        <translation>%1 existiert und ist kein von diesem Werkzeug exportiertes ONNX-Modell: unverändert gelassen</translation>
    </message>
    <message>
        <source>Cannot export %1 as ONNX: %2</source>
        <translation>%1 kann nicht als ONNX exportiert werden: %2</translation>
    </message>
    <message>
        <source>The ONNX graph written from %1 fails onnx&apos;s checker: %2</source>
        <translation>Der aus %1 geschriebene ONNX-Graph besteht die Prüfung durch den Checker von onnx nicht: %2</translation>
    </message>
    <message>
        <source>Cannot serialize the ONNX model (%1 MB)</source>
        <translation>Das ONNX-Modell kann nicht serialisiert werden (%1 MB)</translation>
    </message>
    <message>
        <source>Cannot create the folder %1</source>
        <translation>Der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>no picture</source>
        <translation>kein Bild</translation>
    </message>
    <message>
        <source>cannot convert: %1</source>
        <translation>kann nicht konvertiert werden: %1</translation>
    </message>
    <message>
        <source>the model&apos;s input size is unknown</source>
        <translation>die Eingabegröße des Modells ist unbekannt</translation>
    </message>
    <message>
        <source>an ensemble needs at least two models</source>
        <translation>ein Ensemble braucht mindestens zwei Modelle</translation>
    </message>
    <message>
        <source>%1: not a functional model</source>
        <translation>%1: kein funktionales Modell</translation>
    </message>
    <message>
        <source>%1 and %2 are not the same model</source>
        <translation>%1 und %2 sind nicht dasselbe Modell</translation>
    </message>
    <message>
        <source>%1: the weight %2 names no layer (not a model this tool wrote)</source>
        <translation>%1: das Gewicht %2 benennt keine Schicht (kein Modell, das dieses Werkzeug geschrieben hat)</translation>
    </message>
    <message>
        <source>the models are all the same: there is nothing to average</source>
        <translation>die Modelle sind alle gleich: es gibt nichts zu mitteln</translation>
    </message>
</context>
<context>
    <name>nsfw::Classifier</name>
    <message>
        <source>%1: the model must take RGB input</source>
        <translation>%1: das Modell muss RGB als Eingabe erwarten</translation>
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
        <source>bad frame number in &quot;%1&quot;</source>
        <translation>ungültige Bildnummer in „%1“</translation>
    </message>
    <message>
        <source>no item with the path &quot;%1&quot; in this project</source>
        <translation>kein Element mit dem Pfad „%1“ in diesem Projekt</translation>
    </message>
    <message>
        <source>empty label (write none to clear a label)</source>
        <translation>leeres Label (schreiben Sie none, um ein Label zu entfernen)</translation>
    </message>
    <message>
        <source>unknown label &quot;%1&quot; (safe, nsfw, unsure or none)</source>
        <translation>unbekanntes Label „%1“ (safe, nsfw, unsure oder none)</translation>
    </message>
</context>
<context>
    <name>nsfw::DatasetExport</name>
    <message>
        <source>the file is missing (moved or deleted?)</source>
        <translation>die Datei fehlt (verschoben oder gelöscht?)</translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation>die Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>cannot copy the file: %1</source>
        <translation>die Datei kann nicht kopiert werden: %1</translation>
    </message>
    <message>
        <source>cannot make a link to the file</source>
        <translation>es kann kein Link auf die Datei angelegt werden</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1 holds files NSFW Workbench wrote before; add --replace to replace them.</source>
        <translation>%1 enthält Dateien, die NSFW Workbench zuvor geschrieben hat; geben Sie --replace an, um sie zu ersetzen.</translation>
    </message>
    <message>
        <source>Nothing to export: the project has no items of the labels asked for.</source>
        <translation>Nichts zu exportieren: Das Projekt hat keine Elemente mit den gewünschten Labels.</translation>
    </message>
    <message>
        <source>Nothing to export: no item is labeled safe or nsfw (--include-unsure and --include-unlabelled add the others).</source>
        <translation>Nichts zu exportieren: Kein Element ist als sicher oder NSFW gelabelt (--include-unsure und --include-unlabelled nehmen die übrigen hinzu).</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 in %2.</source>
        <translation>Der Ordner %1 kann in %2 nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Nothing was exported: none of the %1 files could be read.</source>
        <translation>Es wurde nichts exportiert: Keine der %1 Dateien konnte gelesen werden.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>nsfw::DatasetHealth</name>
    <message>
        <source>image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>video frame</source>
        <translation>Videobild</translation>
    </message>
    <message>
        <source>Exact copies</source>
        <translation>Exakte Kopien</translation>
    </message>
    <message>
        <source>Images and videos with the same pixels as another one in a different file (byte-identical files are imported once).</source>
        <translation>Bilder und Videos mit denselben Pixeln wie ein anderes Element in einer anderen Datei (byteidentische Dateien werden nur einmal importiert).</translation>
    </message>
    <message>
        <source>Near-copies</source>
        <translation>Beinahe-Kopien</translation>
    </message>
    <message>
        <source>Groups of resized, recompressed, cropped, bordered or captioned copies of one picture, by their perceptual hashes (as `duplicates` finds them).</source>
        <translation>Gruppen verkleinerter, neu komprimierter, beschnittener, gerahmter oder beschrifteter Kopien eines Bildes, anhand ihrer perzeptuellen Hashes (wie `duplicates` sie findet).</translation>
    </message>
    <message>
        <source>Conflicting labels among copies</source>
        <translation>Widersprüchliche Labels unter Kopien</translation>
    </message>
    <message>
        <source>Groups of near-copies labeled both safe and nsfw: one of the labels is probably wrong.</source>
        <translation>Gruppen von Beinahe-Kopien, die sowohl als sicher als auch als NSFW gelabelt sind: Eines der Labels ist wahrscheinlich falsch.</translation>
    </message>
</context>
<context>
    <name>nsfw::DuplicateGroupModel</name>
    <message numerus="yes">
        <source>Group %1: %n near-copies</source>
        <translation>
            <numerusform>Gruppe %1: %n Beinahe-Kopie</numerusform>
            <numerusform>Gruppe %1: %n Beinahe-Kopien</numerusform>
        </translation>
    </message>
    <message>
        <source> — conflict: labeled both safe and NSFW</source>
        <translation> — Konflikt: sowohl als sicher als auch als NSFW gelabelt</translation>
    </message>
    <message numerus="yes">
        <source> — %n hidden from training</source>
        <translation>
            <numerusform> — %n vom Training ausgeschlossen</numerusform>
            <numerusform> — %n vom Training ausgeschlossen</numerusform>
        </translation>
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
    <message>
        <source>Label not saved yet: it is written as soon as the project takes it (the status bar says why it waits)</source>
        <translation>Label noch nicht gespeichert: Es wird geschrieben, sobald das Projekt es annimmt (die Statusleiste zeigt, warum es wartet)</translation>
    </message>
    <message>
        <source>Near-copy group %1 (%2 items, labeled both safe and NSFW)</source>
        <translation>Beinahe-Kopien-Gruppe %1 (%2 Elemente, sowohl als sicher als auch als NSFW gelabelt)</translation>
    </message>
    <message>
        <source>Near-copy group %1 (%2 items)</source>
        <translation>Beinahe-Kopien-Gruppe %1 (%2 Elemente)</translation>
    </message>
</context>
<context>
    <name>nsfw::ImportOptions</name>
    <message>
        <source>The video sampling interval must be from %1 s to %2 s (one hour); %3 was given.</source>
        <translation>Der Abstand der aus Videos entnommenen Bilder muss zwischen %1 s und %2 s (eine Stunde) liegen; angegeben wurde %3.</translation>
    </message>
    <message>
        <source>The frames per video must be from 1 to %1; %2 was given.</source>
        <translation>Die Anzahl der Bilder pro Video muss zwischen 1 und %1 liegen; angegeben wurde %2.</translation>
    </message>
    <message>
        <source>The pixel limit must be positive.</source>
        <translation>Die Pixelgrenze muss positiv sein.</translation>
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
    <name>nsfw::ItemStore</name>
    <message>
        <source>The item was not added.</source>
        <translation>Das Element wurde nicht hinzugefügt.</translation>
    </message>
</context>
<context>
    <name>nsfw::KerasGraph</name>
    <message>
        <source>its output would hold %L1 values per picture; at most %L2 are allowed</source>
        <translation>ihre Ausgabe hätte %L1 Werte pro Bild; erlaubt sind höchstens %L2</translation>
    </message>
    <message>
        <source>the model needs more work per picture than the %L1 multiply-adds allowed, by this layer</source>
        <translation>das Modell braucht bis zu dieser Schicht mehr Rechenaufwand pro Bild als die erlaubten %L1 Multiply-Add-Operationen</translation>
    </message>
    <message>
        <source>the output must be [batch, classes]</source>
        <translation>die Ausgabe muss die Form [Batch, Klassen] haben</translation>
    </message>
</context>
<context>
    <name>nsfw::KerasLayer</name>
    <message>
        <source>%1 input channels times depth_multiplier %2: expected 1 to %3 output channels</source>
        <translation>%1 Eingangskanäle mal depth_multiplier %2: erwartet werden 1 bis %3 Ausgangskanäle</translation>
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
    <name>nsfw::LabelSession</name>
    <message numerus="yes">
        <source>%n label(s) could not be written: %1</source>
        <translation>
            <numerusform>%n Label konnte nicht geschrieben werden: %1</numerusform>
            <numerusform>%n Labels konnten nicht geschrieben werden: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The label could not be written: %1</source>
        <translation>Das Label konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>the server of %1 could not be reached.</source>
        <translation>der Server von %1 war nicht erreichbar.</translation>
    </message>
    <message>
        <source>another client kept the items locked.</source>
        <translation>ein anderer Client hielt die Elemente gesperrt.</translation>
    </message>
    <message>
        <source>another program kept the project file locked.</source>
        <translation>ein anderes Programm hielt die Projektdatei gesperrt.</translation>
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
    <message>
        <source>The project file is locked by another program; try again.</source>
        <translation>Die Projektdatei ist durch ein anderes Programm gesperrt; versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Nothing was written: the server %1 cannot be reached, or another writer holds these items; try again.</source>
        <translation>Es wurde nichts geschrieben: Der Server %1 ist nicht erreichbar, oder ein anderer Schreibvorgang hält diese Elemente gesperrt; versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Nothing was written: the server %1 cannot be reached; try again.</source>
        <translation>Es wurde nichts geschrieben: Der Server %1 ist nicht erreichbar; versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Cannot read the label history: %1</source>
        <translation>Der Label-Verlauf kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Cannot read the labels: %1</source>
        <translation>Die Labels können nicht gelesen werden: %1</translation>
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
    <message>
        <source>the video claims to last %1 hours (more than %2): damaged or crafted file</source>
        <translation>das Video gibt eine Dauer von %1 Stunden an (mehr als %2): beschädigte oder manipulierte Datei</translation>
    </message>
</context>
<context>
    <name>nsfw::ModelProfile</name>
    <message>
        <source>&quot;%1&quot;: %2</source>
        <translation>„%1“: %2</translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation>Objekt erwartet</translation>
    </message>
    <message>
        <source>expected &quot;unit&quot; (pixel / 255) or &quot;symmetric&quot; (pixel / 127.5 - 1), not &quot;%1&quot;</source>
        <translation>„unit“ (Pixel / 255) oder „symmetric“ (Pixel / 127.5 - 1) erwartet, nicht „%1“</translation>
    </message>
    <message>
        <source>expected &quot;rgb&quot; or &quot;bgr&quot;, not &quot;%1&quot;</source>
        <translation>„rgb“ oder „bgr“ erwartet, nicht „%1“</translation>
    </message>
    <message>
        <source>expected &quot;bilinear-align-corners&quot; or &quot;bilinear&quot;, not &quot;%1&quot;</source>
        <translation>„bilinear-align-corners“ oder „bilinear“ erwartet, nicht „%1“</translation>
    </message>
    <message>
        <source>expected a whole number of pixels from 8 to 4096</source>
        <translation>eine ganze Pixelzahl von 8 bis 4096 erwartet</translation>
    </message>
    <message>
        <source>expected a list of names</source>
        <translation>Liste von Namen erwartet</translation>
    </message>
    <message>
        <source>a class is named twice</source>
        <translation>ein Klassenname kommt doppelt vor</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is reserved; name the class otherwise</source>
        <translation>„%1“ ist reserviert; benennen Sie die Klasse anders</translation>
    </message>
    <message>
        <source>Cannot read the model profile %1.</source>
        <translation>Das Modellprofil %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The model profile %1 is not a JSON object: %2</source>
        <translation>Das Modellprofil %1 ist kein JSON-Objekt: %2</translation>
    </message>
    <message>
        <source>The model profile %1 is invalid: %2</source>
        <translation>Das Modellprofil %1 ist ungültig: %2</translation>
    </message>
    <message>
        <source>Cannot write the model profile in %1: %2</source>
        <translation>Das Modellprofil kann nicht in %1 geschrieben werden: %2</translation>
    </message>
    <message>
        <source>the model profile names %1 classes, the model has %2 outputs</source>
        <translation>das Modellprofil nennt %1 Klassen, das Modell hat %2 Ausgaben</translation>
    </message>
    <message>
        <source>the model profile&apos;s input is %1x%2, the model&apos;s is %3x%4</source>
        <translation>die Eingabe des Modellprofils ist %1x%2, die des Modells %3x%4</translation>
    </message>
    <message>
        <source>the model profile&apos;s nsfw class &quot;%1&quot; is not one of its classes</source>
        <translation>die NSFW-Klasse „%1“ des Modellprofils ist keine seiner Klassen</translation>
    </message>
    <message>
        <source>the model profile&apos;s block &quot;%1&quot; is not a layer of the model</source>
        <translation>der Block „%1“ des Modellprofils ist keine Schicht des Modells</translation>
    </message>
    <message>
        <source>expected true or false</source>
        <translation>erwartet true oder false</translation>
    </message>
</context>
<context>
    <name>nsfw::OwnedFolder</name>
    <message>
        <source>%1 is a symbolic link</source>
        <translation>%1 ist ein symbolischer Link</translation>
    </message>
    <message>
        <source>%1 is not a folder</source>
        <translation>%1 ist kein Ordner</translation>
    </message>
    <message>
        <source>%1 holds files that NSFW Workbench did not write (%2)</source>
        <translation>%1 enthält Dateien, die nicht von NSFW Workbench geschrieben wurden (%2)</translation>
    </message>
    <message>
        <source>%1 holds a file that NSFW Workbench did not write: %2</source>
        <translation>%1 enthält eine Datei, die nicht von NSFW Workbench geschrieben wurde: %2</translation>
    </message>
    <message>
        <source>%1 exists and is not a folder; choose a new or empty folder.</source>
        <translation>%1 existiert und ist kein Ordner; wählen Sie einen neuen oder leeren Ordner.</translation>
    </message>
    <message>
        <source>%1 is not empty and is not a folder NSFW Workbench wrote (%2). Nothing was written; choose a new or empty folder.</source>
        <translation>%1 ist nicht leer und kein Ordner, den NSFW Workbench geschrieben hat (%2). Es wurde nichts geschrieben; wählen Sie einen neuen oder leeren Ordner.</translation>
    </message>
    <message>
        <source>%1 already holds a model written by NSFW Workbench; add --force to replace it.</source>
        <translation>%1 enthält bereits ein von NSFW Workbench geschriebenes Modell; geben Sie --force an, um es zu ersetzen.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot write in %1: %2</source>
        <translation>In %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Nothing to write to %1.</source>
        <translation>Nichts nach %1 zu schreiben.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot replace the empty folder %1.</source>
        <translation>Der leere Ordner %1 kann nicht ersetzt werden.</translation>
    </message>
    <message>
        <source>%1 changed while the model was written (%2); nothing was replaced.</source>
        <translation>%1 hat sich geändert, während das Modell geschrieben wurde (%2); es wurde nichts ersetzt.</translation>
    </message>
    <message>
        <source>Cannot replace %1.</source>
        <translation>%1 kann nicht ersetzt werden.</translation>
    </message>
    <message>
        <source>Cannot move the new folder into %1.</source>
        <translation>Der neue Ordner kann nicht nach %1 verschoben werden.</translation>
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
    <name>nsfw::ProjectCopy</name>
    <message>
        <source>Cannot copy %1.</source>
        <translation>%1 kann nicht kopiert werden.</translation>
    </message>
    <message>
        <source>The two projects have different formats (%1 and %2).</source>
        <translation>Die beiden Projekte haben verschiedene Formate (%1 und %2).</translation>
    </message>
    <message>
        <source>%1 is not empty: a project is copied into a new one only.</source>
        <translation>%1 ist nicht leer: Ein Projekt wird nur in ein neues kopiert.</translation>
    </message>
    <message>
        <source>Cannot read %1 of %2: %3</source>
        <translation>Tabelle %1 von %2 kann nicht gelesen werden: %3</translation>
    </message>
    <message>
        <source>Cannot write %1 of %2: %3</source>
        <translation>Tabelle %1 von %2 kann nicht geschrieben werden: %3</translation>
    </message>
    <message>
        <source>Run %1: its checkpoint is not on this machine (%2); train again or copy it from the machine that trained it.</source>
        <translation>Training %1: Sein Checkpoint ist nicht auf diesem Rechner (%2); trainieren Sie erneut oder kopieren Sie ihn von dem Rechner, auf dem trainiert wurde.</translation>
    </message>
    <message>
        <source>Run %1: %2</source>
        <translation>Training %1: %2</translation>
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
    <message>
        <source>PostgreSQL projects need Qt&apos;s PostgreSQL driver: install the package libqt6sql6-psql.</source>
        <translation>PostgreSQL-Projekte brauchen den PostgreSQL-Treiber von Qt: Installieren Sie das Paket libqt6sql6-psql.</translation>
    </message>
    <message>
        <source>No project was given.</source>
        <translation>Es wurde kein Projekt angegeben.</translation>
    </message>
    <message>
        <source>The database %1 holds tables of another application, not an NSFW Workbench project. Use an empty database.</source>
        <translation>Die Datenbank %1 enthält Tabellen einer anderen Anwendung, kein NSFW-Workbench-Projekt. Verwenden Sie eine leere Datenbank.</translation>
    </message>
    <message>
        <source>The database %1 is empty, not an NSFW Workbench project yet: run `nsfw-workbench init %1` first.</source>
        <translation>Die Datenbank %1 ist leer, noch kein NSFW-Workbench-Projekt: Führen Sie zuerst `nsfw-workbench init %1` aus.</translation>
    </message>
    <message>
        <source>%1 is already an NSFW Workbench project; open it instead.</source>
        <translation>%1 ist bereits ein NSFW-Workbench-Projekt; öffnen Sie es stattdessen.</translation>
    </message>
    <message>
        <source>The media root of %1 is not mapped on this machine: run `nsfw-workbench media-root %1 FOLDER` (the folder the project&apos;s media paths are relative to), or open the project in the window.</source>
        <translation>Der Medien-Stammordner von %1 ist auf diesem Rechner nicht zugeordnet: Führen Sie `nsfw-workbench media-root %1 FOLDER` aus (der Ordner, auf den sich die Medienpfade des Projekts beziehen), oder öffnen Sie das Projekt im Fenster.</translation>
    </message>
    <message>
        <source>The media root of %1 on this machine, %2, does not exist: map it again with `nsfw-workbench media-root %1 FOLDER`.</source>
        <translation>Der Medien-Stammordner von %1 auf diesem Rechner, %2, existiert nicht: Ordnen Sie ihn mit `nsfw-workbench media-root %1 FOLDER` neu zu.</translation>
    </message>
    <message>
        <source>A project file&apos;s media root is the folder it is in.</source>
        <translation>Der Medien-Stammordner einer Projektdatei ist der Ordner, in dem sie liegt.</translation>
    </message>
    <message>
        <source>The connection to %1 is lost; reconnecting.</source>
        <translation>Die Verbindung zu %1 ist unterbrochen; es wird neu verbunden.</translation>
    </message>
    <message>
        <source>%1 is in an older project format (%2; this version uses %3), and only its owner (%4) can upgrade it, which you are not (%5): ask them to open it once with this version.</source>
        <translation>%1 liegt in einem älteren Projektformat vor (%2; diese Version verwendet %3), und nur sein Eigentümer (%4) kann es aktualisieren, nicht Sie (%5): Bitten Sie den Eigentümer, es einmal mit dieser Version zu öffnen.</translation>
    </message>
    <message>
        <source>Your role in %1 (%2) cannot import; ask an admin of the project.</source>
        <translation>Ihre Rolle in %1 (%2) erlaubt keinen Import; fragen Sie einen Admin des Projekts.</translation>
    </message>
    <message>
        <source>Your role in %1 (%2) cannot train; ask an admin of the project.</source>
        <translation>Ihre Rolle in %1 (%2) erlaubt kein Training; fragen Sie einen Admin des Projekts.</translation>
    </message>
    <message>
        <source>no member</source>
        <translation>kein Mitglied</translation>
    </message>
    <message>
        <source>Your role in %1 (%2) adds labels only under your own login, %3%4.</source>
        <translation>Ihre Rolle in %1 (%2) erlaubt Labels nur unter Ihrem eigenen Login, %3%4.</translation>
    </message>
    <message>
        <source>, and no adjudications</source>
        <translation>, und keine Schiedsentscheidungen</translation>
    </message>
    <message>
        <source>Your role in %1 (%2) does not allow this (%3); ask an admin of the project.</source>
        <translation>Ihre Rolle in %1 (%2) erlaubt dies nicht (%3); fragen Sie einen Admin des Projekts.</translation>
    </message>
</context>
<context>
    <name>nsfw::ProjectLocation</name>
    <message>
        <source>%1 is not a valid PostgreSQL URL: %2</source>
        <translation>%1 ist keine gültige PostgreSQL-URL: %2</translation>
    </message>
    <message>
        <source>%1: the database name cannot contain &apos;/&apos;.</source>
        <translation>%1: Der Datenbankname darf kein „/“ enthalten.</translation>
    </message>
    <message>
        <source>%1: unknown connection option &apos;%2&apos; (known: %3).</source>
        <translation>%1: unbekannte Verbindungsoption „%2“ (bekannt: %3).</translation>
    </message>
    <message>
        <source>%1 names no database: write postgresql://user@host:port/dbname.</source>
        <translation>%1 nennt keine Datenbank: Schreiben Sie postgresql://user@host:port/dbname.</translation>
    </message>
</context>
<context>
    <name>nsfw::ProjectTeam</name>
    <message>
        <source>Roles need a server project: %1 is a file, which has no logins. Copy it to a PostgreSQL database first (`nsfw-workbench copy-project %1 postgresql://...`).</source>
        <translation>Rollen brauchen ein Server-Projekt: %1 ist eine Datei, und eine Datei hat keine Logins. Kopieren Sie sie zuerst in eine PostgreSQL-Datenbank (`nsfw-workbench copy-project %1 postgresql://...`).</translation>
    </message>
    <message>
        <source>Only the owner of %1 (%2) or an admin can manage its members; your login %3 is %4.</source>
        <translation>Nur der Eigentümer von %1 (%2) oder ein Admin kann die Mitglieder verwalten; Ihr Login %3 ist %4.</translation>
    </message>
    <message>
        <source>no member</source>
        <translation>kein Mitglied</translation>
    </message>
    <message>
        <source>a member with the role %1</source>
        <translation>ein Mitglied mit der Rolle %1</translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation>Der Server hat abgelehnt: %1</translation>
    </message>
    <message>
        <source>Setting up the roles of this project makes three server-wide roles (%1, ...), which needs a login with CREATEROLE: run this once as the server&apos;s administrator, or ask them to give %2 CREATEROLE.</source>
        <translation>Das Einrichten der Rollen dieses Projekts legt drei serverweite Rollen an (%1, ...), wofür ein Login mit CREATEROLE nötig ist: Führen Sie dies einmal als Administrator des Servers aus, oder bitten Sie den Administrator, %2 CREATEROLE zu erteilen.</translation>
    </message>
    <message>
        <source>A member is an annotator, a reviewer or an admin.</source>
        <translation>Ein Mitglied ist ein Annotator, ein Reviewer oder ein Admin.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a login name (1 to 63 bytes, no control characters).</source>
        <translation>„%1“ ist kein Login-Name (1 bis 63 Bytes, keine Steuerzeichen).</translation>
    </message>
    <message>
        <source>%1 owns the project: it has every right already.</source>
        <translation>%1 ist Eigentümer des Projekts und hat bereits alle Rechte.</translation>
    </message>
    <message>
        <source>%1 is one of the project&apos;s own group roles, not a login.</source>
        <translation>%1 ist eine der eigenen Gruppenrollen des Projekts, kein Login.</translation>
    </message>
    <message>
        <source>Only the owner of the project (%1) can make admins.</source>
        <translation>Nur der Eigentümer des Projekts (%1) kann Admins ernennen.</translation>
    </message>
    <message>
        <source>%1 is a superuser of the server: it has every right already.</source>
        <translation>%1 ist ein Superuser des Servers und hat bereits alle Rechte.</translation>
    </message>
    <message>
        <source>%1 is a role that cannot log in, not a login.</source>
        <translation>%1 ist eine Rolle ohne Anmelderecht, kein Login.</translation>
    </message>
    <message>
        <source>There is no login %1 on the server, and making one needs CREATEROLE, which %2 lacks: ask the server&apos;s administrator to create it (`createuser --pwprompt %1`), then add it again.</source>
        <translation>Auf dem Server gibt es keinen Login %1, und zum Anlegen ist CREATEROLE nötig, das %2 fehlt: Bitten Sie den Administrator des Servers, ihn anzulegen (`createuser --pwprompt %1`), und fügen Sie ihn dann erneut hinzu.</translation>
    </message>
    <message>
        <source>Created the login %1 without a password: it can connect only where the server trusts it (pg_hba.conf).</source>
        <translation>Der Login %1 wurde ohne Passwort angelegt: Er kann sich nur dort verbinden, wo der Server ihm vertraut (pg_hba.conf).</translation>
    </message>
    <message>
        <source>Created the login %1.</source>
        <translation>Der Login %1 wurde angelegt.</translation>
    </message>
    <message>
        <source>%1 is an existing login.</source>
        <translation>%1 ist ein bestehender Login.</translation>
    </message>
    <message>
        <source>%1 is an existing login: its password was left as it is.</source>
        <translation>%1 ist ein bestehender Login: Sein Passwort wurde nicht geändert.</translation>
    </message>
    <message>
        <source>%1 is an admin: only the owner (%2) can change that.</source>
        <translation>%1 ist ein Admin: Nur der Eigentümer (%2) kann das ändern.</translation>
    </message>
    <message>
        <source>%1 owns the project and cannot be removed from it.</source>
        <translation>%1 ist Eigentümer des Projekts und kann nicht daraus entfernt werden.</translation>
    </message>
    <message>
        <source>%1 is no member of %2.</source>
        <translation>%1 ist kein Mitglied von %2.</translation>
    </message>
    <message>
        <source>%1 is an admin: only the owner (%2) can remove an admin.</source>
        <translation>%1 ist ein Admin: Nur der Eigentümer (%2) kann einen Admin entfernen.</translation>
    </message>
    <message numerus="yes">
        <source>Ended %n open session(s) of %1 on the project. </source>
        <translation>
            <numerusform>%n offene Sitzung von %1 im Projekt beendet. </numerusform>
            <numerusform>%n offene Sitzungen von %1 im Projekt beendet. </numerusform>
        </translation>
    </message>
    <message>
        <source>The login %1 stays on the server (other projects may use it): `dropuser %1` removes it.</source>
        <translation>Der Login %1 bleibt auf dem Server (andere Projekte verwenden ihn womöglich): `dropuser %1` entfernt ihn.</translation>
    </message>
</context>
<context>
    <name>nsfw::RunLock</name>
    <message>
        <source>Cannot open the lock file %1: %2</source>
        <translation>Die Sperrdatei %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Another training run of this project is in progress.</source>
        <translation>Für dieses Projekt läuft bereits ein anderes Training.</translation>
    </message>
    <message>
        <source>Cannot lock %1: %2</source>
        <translation>%1 kann nicht gesperrt werden: %2</translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2</source>
        <translation>Keine Verbindung zu %1 möglich: %2</translation>
    </message>
</context>
<context>
    <name>nsfw::RunReview</name>
    <message>
        <source>There is no run %1 in this project.</source>
        <translation>In diesem Projekt gibt es kein Training %1.</translation>
    </message>
</context>
<context>
    <name>nsfw::RunStore</name>
    <message>
        <source>interrupted: the process running it ended before the run finished (crash or kill)</source>
        <translation>unterbrochen: der ausführende Prozess endete, bevor das Training fertig war (Absturz oder kill)</translation>
    </message>
    <message>
        <source>A run can only start while it holds the project&apos;s run lock.</source>
        <translation>Ein Training kann nur starten, solange es die Trainingssperre des Projekts hält.</translation>
    </message>
</context>
<context>
    <name>nsfw::ServerAdmin</name>
    <message>
        <source>%1 is not a postgresql:// URL.</source>
        <translation>%1 ist keine postgresql://-URL.</translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2</source>
        <translation>Keine Verbindung zu %1 möglich: %2</translation>
    </message>
    <message>
        <source>%1 failed on %2: %3</source>
        <translation>%1 ist auf %2 fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>%1 is not a database name this tool makes (lower-case letters, digits and _).</source>
        <translation>%1 ist kein Datenbankname, wie ihn dieses Werkzeug anlegt (Kleinbuchstaben, Ziffern und _).</translation>
    </message>
</context>
<context>
    <name>nsfw::TeamLabels</name>
    <message>
        <source>Only the owner of %1 or an admin can change its label rule or assign items; your login %2 is %3.</source>
        <translation>Nur der Eigentümer von %1 oder ein Admin kann die Label-Regel ändern oder Elemente zuteilen; Ihr Login %2 ist %3.</translation>
    </message>
    <message>
        <source>no member</source>
        <translation>kein Mitglied</translation>
    </message>
    <message>
        <source>No annotators to assign items to.</source>
        <translation>Keine Annotatoren, denen Elemente zugeteilt werden könnten.</translation>
    </message>
    <message>
        <source>The overlap share is a fraction from 0 to 1, not %1.</source>
        <translation>Der Überschneidungsanteil ist ein Bruchteil von 0 bis 1, nicht %1.</translation>
    </message>
    <message>
        <source>An overlap needs two annotators or more; %1 is the only one.</source>
        <translation>Eine Überschneidung braucht zwei oder mehr Annotatoren; %1 ist der einzige.</translation>
    </message>
</context>
<context>
    <name>nsfw::TfjsReader</name>
    <message>
        <source>malformed JSON at byte %1: %2</source>
        <translation>fehlerhaftes JSON bei Byte %1: %2</translation>
    </message>
    <message>
        <source>the top level is not a JSON object</source>
        <translation>die oberste Ebene ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>this is a TF.js graph model; only Layers models are supported</source>
        <translation>dies ist ein TF.js-Graph-Modell; nur Layers-Modelle werden unterstützt</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation>Objekt erwartet</translation>
    </message>
    <message>
        <source>expected an array</source>
        <translation>Array erwartet</translation>
    </message>
    <message>
        <source>expected a non-empty string</source>
        <translation>nicht leere Zeichenkette erwartet</translation>
    </message>
    <message>
        <source>expected a non-negative integer</source>
        <translation>nicht negative ganze Zahl erwartet</translation>
    </message>
    <message>
        <source>expected [layer name, node index, tensor index]</source>
        <translation>erwartet: [Schichtname, Knotenindex, Tensorindex]</translation>
    </message>
    <message>
        <source>unsupported model class &apos;%1&apos;</source>
        <translation>nicht unterstützte Modellklasse „%1“</translation>
    </message>
    <message>
        <source>a layer is not an object</source>
        <translation>eine Schicht ist kein Objekt</translation>
    </message>
    <message>
        <source>duplicate layer name</source>
        <translation>doppelter Schichtname</translation>
    </message>
    <message>
        <source>shared layers (called more than once) are not supported</source>
        <translation>geteilte Schichten (mehr als einmal aufgerufen) werden nicht unterstützt</translation>
    </message>
    <message>
        <source>unsupported node format (Keras 3?)</source>
        <translation>nicht unterstütztes Knotenformat (Keras 3?)</translation>
    </message>
    <message>
        <source>refers to &apos;%1&apos;, which is not defined before it</source>
        <translation>verweist auf die Schicht „%1“, die nicht vorher definiert ist</translation>
    </message>
    <message>
        <source>the model has no layers</source>
        <translation>das Modell hat keine Schichten</translation>
    </message>
    <message>
        <source>unknown layer &apos;%1&apos;</source>
        <translation>unbekannte Schicht „%1“</translation>
    </message>
    <message>
        <source>exactly one input and one output are supported</source>
        <translation>unterstützt werden nur genau ein Eingang und ein Ausgang</translation>
    </message>
    <message>
        <source>expected file names</source>
        <translation>Dateinamen erwartet</translation>
    </message>
    <message>
        <source>weight shard is missing or unreadable</source>
        <translation>Gewichts-Shard fehlt oder ist nicht lesbar</translation>
    </message>
    <message>
        <source>duplicate weight name</source>
        <translation>doppelter Gewichtsname</translation>
    </message>
    <message>
        <source>unsupported dtype &apos;%1&apos;</source>
        <translation>nicht unterstützter dtype „%1“</translation>
    </message>
    <message>
        <source>needs numeric &apos;scale&apos; and &apos;min&apos;</source>
        <translation>braucht numerische Werte für „scale“ und „min“</translation>
    </message>
    <message>
        <source>unsupported quantization &apos;%1&apos;</source>
        <translation>nicht unterstützte Quantisierung „%1“</translation>
    </message>
    <message>
        <source>weight data too short: needs bytes %1..%2 of the group, shards hold %3</source>
        <translation>Gewichtsdaten zu kurz: benötigt werden die Bytes %1..%2 der Gruppe, die Shards enthalten %3</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>nicht genügend Arbeitsspeicher</translation>
    </message>
    <message>
        <source>cannot open: %1</source>
        <translation>kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a file name</source>
        <translation>„%1“ ist kein Dateiname</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a path; only plain file names inside the model folder are allowed</source>
        <translation>„%1“ ist ein Pfad; erlaubt sind nur einfache Dateinamen im Modellordner</translation>
    </message>
    <message>
        <source>the file name contains a control character (code %1)</source>
        <translation>der Dateiname enthält ein Steuerzeichen (Code %1)</translation>
    </message>
    <message>
        <source>the file name is longer than 255 bytes</source>
        <translation>der Dateiname ist länger als 255 Bytes</translation>
    </message>
    <message>
        <source>a symbolic link to a file that does not exist</source>
        <translation>ein symbolischer Link auf eine Datei, die nicht existiert</translation>
    </message>
    <message>
        <source>a symbolic link to &apos;%1&apos;, outside the model folder</source>
        <translation>ein symbolischer Link auf „%1“, außerhalb des Modellordners</translation>
    </message>
    <message>
        <source>a folder, not a file</source>
        <translation>ein Ordner, keine Datei</translation>
    </message>
    <message>
        <source>not a regular file (a device, pipe or socket)</source>
        <translation>keine reguläre Datei (ein Gerät, eine Pipe oder ein Socket)</translation>
    </message>
    <message>
        <source>the file changed while it was read</source>
        <translation>die Datei hat sich beim Lesen geändert</translation>
    </message>
    <message>
        <source>%1 layers; at most %2 are supported</source>
        <translation>%1 Schichten; unterstützt werden höchstens %2</translation>
    </message>
    <message>
        <source>%1 dimensions; at most %2 are supported</source>
        <translation>%1 Dimensionen; unterstützt werden höchstens %2</translation>
    </message>
    <message>
        <source>the weights hold more than %L1 values, the most a model may have</source>
        <translation>die Gewichte enthalten mehr als %L1 Werte, das Maximum für ein Modell</translation>
    </message>
    <message>
        <source>more than %1 weights</source>
        <translation>mehr als %1 Gewichte</translation>
    </message>
    <message>
        <source>the group&apos;s weights need %L1 bytes but it lists no shard</source>
        <translation>die Gewichte der Gruppe brauchen %L1 Bytes, aber die Gruppe nennt keinen Shard</translation>
    </message>
    <message>
        <source>the shard holds %L1 bytes, more than the %L2 bytes the manifest&apos;s weights still need (%L3 in this group)</source>
        <translation>der Shard enthält %L1 Bytes, mehr als die %L2 Bytes, die die Gewichte des Manifests noch brauchen (%L3 in dieser Gruppe)</translation>
    </message>
    <message>
        <source>%L1 bytes; a model.json may have at most %L2</source>
        <translation>%L1 Bytes; eine model.json darf höchstens %L2 haben</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>Datei existiert nicht</translation>
    </message>
</context>
<context>
    <name>nsfw::TrainSettings</name>
    <message>
        <source>the batch size must be between 1 and 4096</source>
        <translation>die Batchgröße muss zwischen 1 und 4096 liegen</translation>
    </message>
    <message>
        <source>the validation fraction must be between 0 and 1</source>
        <translation>der Validierungsanteil muss zwischen 0 und 1 liegen</translation>
    </message>
    <message>
        <source>blocks must be between 0 and 100</source>
        <translation>die Anzahl der Blöcke muss zwischen 0 und 100 liegen</translation>
    </message>
    <message>
        <source>the learning rate must be positive</source>
        <translation>die Lernrate muss positiv sein</translation>
    </message>
    <message>
        <source>the optimizer must be adamw or sgd</source>
        <translation>der Optimierer muss adamw oder sgd sein</translation>
    </message>
    <message>
        <source>the threshold must be between 0 and 1</source>
        <translation>die Schwelle muss zwischen 0 und 1 liegen</translation>
    </message>
    <message>
        <source>folds must be between 1 and 20 (0: the mode&apos;s default)</source>
        <translation>die Anzahl der Folds muss zwischen 1 und 20 liegen (0: Standard des Modus)</translation>
    </message>
    <message>
        <source>epochs must be between 1 and 1000 (0: the mode&apos;s default)</source>
        <translation>die Anzahl der Epochen muss zwischen 1 und 1000 liegen (0: Standard des Modus)</translation>
    </message>
    <message>
        <source>the schedule must be constant or cosine</source>
        <translation>der Lernratenplan muss constant oder cosine sein</translation>
    </message>
    <message>
        <source>the warm-up share must be at least 0 and below 1</source>
        <translation>der Anteil der Aufwärmphase muss mindestens 0 und kleiner als 1 sein</translation>
    </message>
    <message>
        <source>the layer decay must be above 0 and at most 1</source>
        <translation>der Layer Decay muss größer als 0 und höchstens 1 sein</translation>
    </message>
    <message>
        <source>label smoothing must be at least 0 and below 1</source>
        <translation>das Label Smoothing muss mindestens 0 und kleiner als 1 sein</translation>
    </message>
    <message>
        <source>the time budget must be above 0 and at most a week (in minutes)</source>
        <translation>das Zeitbudget muss größer als 0 und höchstens eine Woche sein (in Minuten)</translation>
    </message>
    <message>
        <source>head-first epochs must be between 0 and 1000</source>
        <translation>die Anzahl der Kopf-zuerst-Epochen muss zwischen 0 und 1000 liegen</translation>
    </message>
    <message>
        <source>the weight-averaging decay must be at least 0 and below 1</source>
        <translation>der Abklingfaktor der Gewichtsmittelung muss mindestens 0 und kleiner als 1 sein</translation>
    </message>
    <message>
        <source>mixup&apos;s alpha must be between 0 and 10</source>
        <translation>das Alpha von Mixup muss zwischen 0 und 10 liegen</translation>
    </message>
    <message>
        <source>test-time flip averaging needs partial, full or auto mode (head mode scores the cached features of the pictures as they are)</source>
        <translation>die Spiegelmittelung beim Bewerten braucht den Modus partial, full oder auto (der Kopfmodus bewertet die zwischengespeicherten Merkmale der Bilder, wie sie sind)</translation>
    </message>
    <message>
        <source>the head must be model or linear</source>
        <translation>der Kopf muss model oder linear sein</translation>
    </message>
    <message>
        <source>an ensemble has between 1 and %1 models</source>
        <translation>ein Ensemble hat zwischen 1 und %1 Modelle</translation>
    </message>
    <message>
        <source>an ensemble needs partial or full mode</source>
        <translation>ein Ensemble braucht den Modus teilweise oder vollständig</translation>
    </message>
    <message>
        <source>an ensemble&apos;s models train on every label: it needs the refit or cross-validation</source>
        <translation>die Modelle eines Ensembles trainieren auf allen Labels: es braucht das erneute Training auf allen Labels oder eine Kreuzvalidierung</translation>
    </message>
</context>
<context>
    <name>nsfw::Trainer</name>
    <message>
        <source>No labeled items: label some items safe or nsfw first.</source>
        <translation>Keine gelabelten Elemente: Labeln Sie zuerst einige Elemente als sicher oder NSFW.</translation>
    </message>
    <message>
        <source>Training needs at least 2 safe and 2 nsfw items (labeled: %1 safe, %2 nsfw).</source>
        <translation>Das Training braucht mindestens 2 sichere und 2 NSFW-Elemente (gelabelt: %1 sicher, %2 NSFW).</translation>
    </message>
    <message>
        <source>Too few labeled items to keep a validation set apart (%1 labeled).</source>
        <translation>Zu wenige gelabelte Elemente, um eine Validierungsmenge abzutrennen (%1 gelabelt).</translation>
    </message>
    <message>
        <source>Cannot write the checkpoint: %1</source>
        <translation>Der Checkpoint kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Nothing to train: no layer is unfrozen.</source>
        <translation>Nichts zu trainieren: Alle Schichten sind eingefroren.</translation>
    </message>
    <message>
        <source>the file is missing (moved or deleted?)</source>
        <translation>die Datei fehlt (verschoben oder gelöscht?)</translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation>nicht lesbar: %1</translation>
    </message>
    <message>
        <source>image too large</source>
        <translation>Bild zu groß</translation>
    </message>
    <message>
        <source>cannot decode the image</source>
        <translation>das Bild kann nicht dekodiert werden</translation>
    </message>
    <message>
        <source>fold %1 of %2</source>
        <translation>Fold %1 von %2</translation>
    </message>
    <message>
        <source>final model on all labels</source>
        <translation>endgültiges Modell auf allen Labels</translation>
    </message>
    <message>
        <source>Too few labeled items for cross-validation: every video&apos;s frames count once, and each class needs at least 2 (labeled: %1 safe, %2 nsfw).</source>
        <translation>Zu wenige gelabelte Elemente für die Kreuzvalidierung: Die Bilder eines Videos zählen zusammen einmal, und jede Klasse braucht mindestens 2 (gelabelt: %1 sicher, %2 NSFW).</translation>
    </message>
    <message>
        <source>%1: the model profile names no class that makes p(nsfw)</source>
        <translation>%1: das Modellprofil nennt keine Klasse, die in p(nsfw) eingeht</translation>
    </message>
    <message>
        <source>auto: %1 (%2 of %3)</source>
        <translation>automatisch: %1 (%2 von %3)</translation>
    </message>
    <message>
        <source>%1: the model has no Flatten or global pooling layer to put a linear head on</source>
        <translation>%1: das Modell hat keine Flatten- oder globale Pooling-Schicht, auf die ein linearer Kopf gesetzt werden könnte</translation>
    </message>
    <message>
        <source>Cannot write a model of the ensemble: %1</source>
        <translation>Ein Modell des Ensembles kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>model %1 of %2 of the ensemble</source>
        <translation>Modell %1 von %2 des Ensembles</translation>
    </message>
    <message>
        <source>Cannot write the ensemble: %1</source>
        <translation>Das Ensemble kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>The ensemble of %1 models cannot be used (%2); the run&apos;s model is its first member</source>
        <translation>Das Ensemble aus %1 Modellen kann nicht verwendet werden (%2); das Modell des Laufs ist sein erstes Mitglied</translation>
    </message>
    <message>
        <source>The ensemble of %1 models cannot be used (%2), and its first member could not be put back as the run&apos;s model: %3 (it is kept in %4)</source>
        <translation>Das Ensemble aus %1 Modellen kann nicht verwendet werden (%2), und sein erstes Mitglied konnte nicht als Modell des Laufs zurückgelegt werden: %3 (es liegt weiter in %4)</translation>
    </message>
</context>
<context>
    <name>nsfw::VideoMetrics</name>
    <message>
        <source>No labeled video among the judged items: no video-level figures.</source>
        <translation>Kein gelabeltes Video unter den beurteilten Elementen: keine Kennzahlen auf Videoebene.</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message numerus="yes">
        <source>%n video(s) (%1 NSFW), verdict %2: AP %3 · ROC AUC %4 · at %5 precision %6, recall %7</source>
        <translation>
            <numerusform>%n Video (%1 NSFW), Urteil %2: AP %3 · ROC AUC %4 · bei %5 Precision %6, Recall %7</numerusform>
            <numerusform>%n Videos (%1 NSFW), Urteil %2: AP %3 · ROC AUC %4 · bei %5 Precision %6, Recall %7</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nsfw::VideoSampler</name>
    <message>
        <source>cannot open the video: no decodable stream (damaged file or unknown codec)</source>
        <translation>das Video kann nicht geöffnet werden: kein dekodierbarer Stream (beschädigte Datei oder unbekannter Codec)</translation>
    </message>
    <message>
        <source>cannot decode the video: %1</source>
        <translation>das Video kann nicht dekodiert werden: %1</translation>
    </message>
    <message>
        <source>cannot decode any frame of the video</source>
        <translation>kein Bild des Videos kann dekodiert werden</translation>
    </message>
    <message>
        <source>cannot decode GIF: %1</source>
        <translation>GIF kann nicht dekodiert werden: %1</translation>
    </message>
    <message>
        <source>image too large: %1 x %2 pixels</source>
        <translation>Bild zu groß: %1 × %2 Pixel</translation>
    </message>
</context>
<context>
    <name>nsfw::VideoScoreTrack</name>
    <message>
        <source>not scored by run %1</source>
        <translation>nicht bewertet von Training %1</translation>
    </message>
    <message>
        <source>no scores yet</source>
        <translation>noch keine Scores</translation>
    </message>
    <message numerus="yes">
        <source>verdict %1 (%2) · %n segment(s)</source>
        <translation>
            <numerusform>Urteil %1 (%2) · %n Segment</numerusform>
            <numerusform>Urteil %1 (%2) · %n Segmente</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nsfw::VideoScorer</name>
    <message>
        <source>no frame could be scored</source>
        <translation>kein Bild konnte bewertet werden</translation>
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
    <name>nsfw::WorkQueue</name>
    <message>
        <source>There is no run %1 in this project.</source>
        <translation>In diesem Projekt gibt es kein Training %1.</translation>
    </message>
</context>
<context>
    <name>nsfw::automode</name>
    <message>
        <source>head</source>
        <translation>Kopf</translation>
    </message>
    <message numerus="yes">
        <source>partial, %n block(s)</source>
        <translation>
            <numerusform>teilweise, %n Block</numerusform>
            <numerusform>teilweise, %n Blöcke</numerusform>
        </translation>
    </message>
    <message>
        <source>full</source>
        <translation>vollständig</translation>
    </message>
</context>
<context>
    <name>nsfw::automode::Report</name>
    <message>
        <source>No candidate could be tried within the budget.</source>
        <translation>Innerhalb des Budgets konnte kein Kandidat ausprobiert werden.</translation>
    </message>
    <message>
        <source>%1 not tried (budget)</source>
        <translation>%1 nicht ausprobiert (Budget)</translation>
    </message>
    <message>
        <source> (stopped early)</source>
        <translation> (vorzeitig gestoppt)</translation>
    </message>
    <message>
        <source>pooled out-of-fold AP</source>
        <translation>gepoolte Out-of-Fold-AP</translation>
    </message>
    <message>
        <source>validation AP</source>
        <translation>Validierungs-AP</translation>
    </message>
    <message>
        <source>%1: %2 %3, the only candidate tried.</source>
        <translation>%1: %2 %3, der einzige ausprobierte Kandidat.</translation>
    </message>
    <message>
        <source>%1: %2 %3, the highest (%4).</source>
        <translation>%1: %2 %3, die höchste (%4).</translation>
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
        <source>Wrote %1 labels to %2</source>
        <translation>%1 Labels nach %2 geschrieben</translation>
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
        <source>Created %1</source>
        <translation>%1 angelegt</translation>
    </message>
    <message>
        <source>Count the project&apos;s items by kind and by current label.</source>
        <translation>Die Elemente des Projekts nach Art und aktuellem Label zählen.</translation>
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
        <source>missing: %1</source>
        <translation>fehlt: %1</translation>
    </message>
    <message>
        <source>%1 newly missing, %2 found again; %3 items missing in all.</source>
        <translation>%1 neu fehlend, %2 wiedergefunden; insgesamt fehlen %3 Elemente.</translation>
    </message>
    <message>
        <source>Measures inference speed on the real model: images/s at batch 32 and batch-1 latency (medians after a warm-up), and the same for torchvision&apos;s MobileNetV2 in PyTorch-Python when python3-torch is installed.</source>
        <translation>Misst die Inferenzgeschwindigkeit des echten Modells: Bilder/s bei Batch 32 und die Latenz bei Batch 1 (Mediane nach einer Aufwärmphase), sowie dasselbe für das MobileNetV2 von torchvision in PyTorch-Python, wenn python3-torch installiert ist.</translation>
    </message>
    <message>
        <source>Model folder (default: mobilenet_v2).</source>
        <translation>Modellordner (Standard: mobilenet_v2).</translation>
    </message>
    <message>
        <source>Batch size for throughput (default 32).</source>
        <translation>Batchgröße für den Durchsatz (Standard 32).</translation>
    </message>
    <message>
        <source>Timed batch-1 passes (default 30).</source>
        <translation>Anzahl gemessener Durchläufe mit Batch 1 (Standard 30).</translation>
    </message>
    <message>
        <source>Torch threads (default: all cores).</source>
        <translation>Torch-Threads (Standard: alle Kerne).</translation>
    </message>
    <message>
        <source>Skip the PyTorch-Python comparison.</source>
        <translation>Den Vergleich mit PyTorch-Python überspringen.</translation>
    </message>
    <message>
        <source>Use NCHW memory (for comparison).</source>
        <translation>NCHW-Speicherlayout verwenden (zum Vergleich).</translation>
    </message>
    <message>
        <source>Do not fold BatchNorm (for comparison).</source>
        <translation>BatchNorm nicht in die Faltungsschichten einrechnen (zum Vergleich).</translation>
    </message>
    <message>
        <source>Cannot load the model: %1</source>
        <translation>Das Modell kann nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Measuring %1 (%2 threads, batch %3)...</source>
        <translation>Messe %1 (%2 Threads, Batch %3)...</translation>
    </message>
    <message>
        <source>nsfw-workbench (LibTorch): %1 img/s at batch %2, batch-1 latency %3 ms</source>
        <translation>nsfw-workbench (LibTorch): %1 Bilder/s bei Batch %2, Latenz bei Batch 1: %3 ms</translation>
    </message>
    <message>
        <source>Measuring torchvision mobilenet_v2 in PyTorch-Python...</source>
        <translation>Messe torchvision mobilenet_v2 in PyTorch-Python...</translation>
    </message>
    <message>
        <source>PyTorch-Python (torchvision mobilenet_v2, tcmalloc, channels_last): %1 img/s, batch-1 latency %2 ms
ratio: %3x</source>
        <translation>PyTorch-Python (torchvision mobilenet_v2, tcmalloc, channels_last): %1 Bilder/s, Latenz bei Batch 1: %2 ms
Verhältnis: %3x</translation>
    </message>
    <message>
        <source>PyTorch-Python comparison skipped: %1</source>
        <translation>Vergleich mit PyTorch-Python übersprungen: %1</translation>
    </message>
    <message>
        <source>openclipart-png is not installed or too small</source>
        <translation>openclipart-png ist nicht installiert oder zu klein</translation>
    </message>
    <message>
        <source>openclipart &apos;people&apos; (nsfw stand-in) vs animals, buildings, tools, plants, transportation</source>
        <translation>openclipart „people“ (Ersatz für nsfw) gegen animals, buildings, tools, plants, transportation</translation>
    </message>
    <message>
        <source>Skip the proxy task.</source>
        <translation>Die Proxy-Aufgabe überspringen.</translation>
    </message>
    <message>
        <source>Labeled images per class (default 200).</source>
        <translation>Gelabelte Bilder pro Klasse (Standard 200).</translation>
    </message>
    <message>
        <source>Timed steps (default 5).</source>
        <translation>Anzahl gemessener Schritte (Standard 5).</translation>
    </message>
    <message>
        <source>Only the proxy task.</source>
        <translation>Nur die Proxy-Aufgabe.</translation>
    </message>
    <message>
        <source>Timing training steps ...</source>
        <translation>Messe Trainingsschritte ...</translation>
    </message>
    <message>
        <source>%1 training step, batch 32: ours %2 img/s, PyTorch-Python best %3 img/s, ratio %4</source>
        <translation>Trainingsschritt %1, Batch 32: unserer %2 Bilder/s, PyTorch-Python bestenfalls %3 Bilder/s, Verhältnis %4</translation>
    </message>
    <message>
        <source>head-only epoch over 10,000 cached items: %1 s (target &lt; 1 s)</source>
        <translation>Epoche nur des Kopfs über 10.000 zwischengespeicherte Elemente: %1 s (Ziel &lt; 1 s)</translation>
    </message>
    <message>
        <source>proxy task skipped: %1</source>
        <translation>Proxy-Aufgabe übersprungen: %1</translation>
    </message>
    <message>
        <source>  %1: held-out AP %2 (validation AP %3), %4 s</source>
        <translation>  %1: AP auf zurückgehaltenen Daten %2 (Validierungs-AP %3), %4 s</translation>
    </message>
    <message>
        <source>Fine-tune the model on the project&apos;s labels.</source>
        <translation>Das Modell auf den Labels des Projekts feinabstimmen.</translation>
    </message>
    <message>
        <source>Metrics of a run: AP, ROC AUC, confusion matrix.</source>
        <translation>Metriken eines Trainings: AP, ROC AUC, Konfusionsmatrix.</translation>
    </message>
    <message>
        <source>Model folder (model.json + shards). Default: $NSFW_WORKBENCH_MODEL_DIR, else the mobilenet_v2 installed by packaging/setup.sh.</source>
        <translation>Modellordner (model.json + Shards). Standard: $NSFW_WORKBENCH_MODEL_DIR, sonst das von packaging/setup.sh installierte mobilenet_v2.</translation>
    </message>
    <message>
        <source>Images per network pass (default 32).</source>
        <translation>Bilder pro Durchlauf durch das Netz (Standard 32).</translation>
    </message>
    <message>
        <source>Use the model fine-tuned in this project (see: train).</source>
        <translation>Das in diesem Projekt feinabgestimmte Modell verwenden (siehe: train).</translation>
    </message>
    <message>
        <source>With --project: the run (default: the latest finished one).</source>
        <translation>Mit --project: das Training (Standard: das zuletzt beendete).</translation>
    </message>
    <message>
        <source>--format must be jsonl or csv</source>
        <translation>--format muss jsonl oder csv sein</translation>
    </message>
    <message>
        <source>--batch must be a number from 1 to 4096</source>
        <translation>--batch muss eine Zahl von 1 bis 4096 sein</translation>
    </message>
    <message>
        <source>No images given. Usage: predict [--model DIR] PATH...</source>
        <translation>Keine Bilder angegeben. Aufruf: predict [--model DIR] PATH...</translation>
    </message>
    <message>
        <source>No image files found.</source>
        <translation>Keine Bilddateien gefunden.</translation>
    </message>
    <message>
        <source>Give either --model or --project, not both.</source>
        <translation>Geben Sie entweder --model oder --project an, nicht beides.</translation>
    </message>
    <message>
        <source>%1 of %2 images</source>
        <translation>%1 von %2 Bildern</translation>
    </message>
    <message>
        <source>/usr/bin/python3 not found</source>
        <translation>/usr/bin/python3 nicht gefunden</translation>
    </message>
    <message>
        <source>packaging/bench/%1 not found</source>
        <translation>packaging/bench/%1 nicht gefunden</translation>
    </message>
    <message>
        <source>python3-torch / python3-torchvision not installed</source>
        <translation>python3-torch / python3-torchvision nicht installiert</translation>
    </message>
    <message>
        <source>the Python benchmark failed: %1</source>
        <translation>der Python-Benchmark ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>unexpected output from the Python benchmark</source>
        <translation>unerwartete Ausgabe des Python-Benchmarks</translation>
    </message>
    <message>
        <source>This project has no finished run yet (see: nsfw-workbench train).</source>
        <translation>Dieses Projekt hat noch kein beendetes Training (siehe: nsfw-workbench train).</translation>
    </message>
    <message>
        <source>There is no run %1 in this project.</source>
        <translation>In diesem Projekt gibt es kein Training %1.</translation>
    </message>
    <message>
        <source>Run %1 has no saved model (its checkpoint is missing from %2; train again).</source>
        <translation>Training %1 hat kein gespeichertes Modell (sein Checkpoint fehlt in %2; trainieren Sie erneut).</translation>
    </message>
    <message>
        <source>Fine-tune the pretrained model on the project&apos;s safe/nsfw labels (unsure items are left out). Prints one line per epoch; epoch 0 is the pretrained model on the validation set.</source>
        <translation>Das vortrainierte Modell auf den safe/nsfw-Labels des Projekts feinabstimmen (als unsure gelabelte Elemente bleiben außen vor). Gibt eine Zeile pro Epoche aus; Epoche 0 ist das vortrainierte Modell auf der Validierungsmenge.</translation>
    </message>
    <message>
        <source>Blocks to retrain in partial mode (default 6).</source>
        <translation>Im Modus partial neu zu trainierende Blöcke (Standard 6).</translation>
    </message>
    <message>
        <source>Learning rate (default by mode).</source>
        <translation>Lernrate (Standard je nach Modus).</translation>
    </message>
    <message>
        <source>Batch size (default 32).</source>
        <translation>Batchgröße (Standard 32).</translation>
    </message>
    <message>
        <source>Share of labeled items kept for validation (default 0.2).</source>
        <translation>Anteil der gelabelten Elemente, der für die Validierung zurückgehalten wird (Standard 0.2).</translation>
    </message>
    <message>
        <source>Seed of the split and the shuffling (default 1).</source>
        <translation>Seed für die Aufteilung und das Mischen (Standard 1).</translation>
    </message>
    <message>
        <source>adamw (default) or sgd.</source>
        <translation>adamw (Standard) oder sgd.</translation>
    </message>
    <message>
        <source>Weight decay (default 1e-4).</source>
        <translation>Weight Decay (Standard 1e-4).</translation>
    </message>
    <message>
        <source>Decision threshold (default 0.5).</source>
        <translation>Entscheidungsschwelle (Standard 0.5).</translation>
    </message>
    <message>
        <source>No augmentation (partial, full).</source>
        <translation>Keine Augmentierung (partial, full).</translation>
    </message>
    <message>
        <source>Let BatchNorm layers learn too.</source>
        <translation>BatchNorm-Schichten ebenfalls trainieren.</translation>
    </message>
    <message>
        <source>Do not score every item afterwards.</source>
        <translation>Danach nicht jedes Element bewerten.</translation>
    </message>
    <message>
        <source>Pretrained model folder (default: mobilenet_v2).</source>
        <translation>Ordner des vortrainierten Modells (Standard: mobilenet_v2).</translation>
    </message>
    <message>
        <source>One JSON object per epoch, and a final one.</source>
        <translation>Ein JSON-Objekt pro Epoche und ein abschließendes.</translation>
    </message>
    <message>
        <source>%1 %2/%3</source>
        <translation>%1 %2/%3</translation>
    </message>
    <message>
        <source>, about %1 s left</source>
        <translation>, noch etwa %1 s</translation>
    </message>
    <message>
        <source>epoch %1: train loss %2, val loss %3, AP %4, ROC AUC %5, F1 %6 (precision %7, recall %8) at %9, %10 s%11</source>
        <translation>Epoche %1: Trainingsverlust %2, Validierungsverlust %3, AP %4, ROC AUC %5, F1 %6 (Precision %7, Recall %8) bei Schwelle %9, %10 s%11</translation>
    </message>
    <message>
        <source>Training failed: %1</source>
        <translation>Training fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The run (default: the latest finished one).</source>
        <translation>Das Training (Standard: das zuletzt beendete).</translation>
    </message>
    <message>
        <source>Decision threshold (default: the run&apos;s).</source>
        <translation>Entscheidungsschwelle (Standard: die des Trainings).</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Run %1 (%2, best epoch %3), %4 validation items:</source>
        <translation>Training %1 (%2, beste Epoche %3), %4 Validierungselemente:</translation>
    </message>
    <message>
        <source>  confusion: %1 true positives, %2 false positives, %3 true negatives, %4 false negatives</source>
        <translation>  Konfusionsmatrix: %1 richtig positiv, %2 falsch positiv, %3 richtig negativ, %4 falsch negativ</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <source>Timed batches (default 15).</source>
        <translation>Anzahl gemessener Batches (Standard 15).</translation>
    </message>
    <message>
        <source>Peak resident memory of predict and of a training feature pass over N big photos (default 50 of 5120x2880, scaled from Debian&apos;s wallpapers), beside the same over small pictures.</source>
        <translation>Maximaler residenter Speicher von predict und von einem Merkmalsdurchlauf des Trainings über N große Fotos (Standard 50 mit 5120x2880, skaliert aus Debians Hintergrundbildern), daneben dasselbe über kleine Bilder.</translation>
    </message>
    <message>
        <source>How many photos (default 50).</source>
        <translation>Anzahl der Fotos (Standard 50).</translation>
    </message>
    <message>
        <source>predict&apos;s batch (default 32).</source>
        <translation>Batchgröße von predict (Standard 32).</translation>
    </message>
    <message>
        <source>No pictures to scale: install plasma-workspace-wallpapers (packaging/setup.sh does).</source>
        <translation>Keine Bilder zum Skalieren: Installieren Sie plasma-workspace-wallpapers (packaging/setup.sh erledigt das).</translation>
    </message>
    <message>
        <source>Cannot make the benchmark&apos;s project in %1.</source>
        <translation>Das Projekt für den Benchmark kann in %1 nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Peak resident memory over %1 photos (each command in its own process):</source>
        <translation>Maximaler residenter Speicher über %1 Fotos (jeder Befehl in einem eigenen Prozess):</translation>
    </message>
    <message>
        <source>nsfw-workbench: unknown command &quot;%1&quot;.</source>
        <translation>nsfw-workbench: unbekannter Befehl „%1“.</translation>
    </message>
    <message>
        <source>Did you mean &quot;%1&quot;?</source>
        <translation>Meinten Sie „%1“?</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Befehle:</translation>
    </message>
    <message>
        <source>To open a project in the window: nsfw-workbench PROJECT.nwproj</source>
        <translation>Um ein Projekt im Fenster zu öffnen: nsfw-workbench PROJECT.nwproj</translation>
    </message>
    <message>
        <source>Usage: nsfw-workbench [PROJECT]          open the window (on PROJECT, else the last project)
       nsfw-workbench COMMAND [ARGS...]  run a command without the window (COMMAND --help for its options)</source>
        <translation>Aufruf: nsfw-workbench [PROJECT]          das Fenster öffnen (mit PROJECT, sonst mit dem letzten Projekt)
        nsfw-workbench COMMAND [ARGS...]  einen Befehl ohne Fenster ausführen (COMMAND --help für seine Optionen)</translation>
    </message>
    <message>
        <source>At most N frames per video; a longer video is sampled more sparsely (default 10000).</source>
        <translation>Höchstens N Bilder pro Video; aus einem längeren Video werden Bilder in größeren Abständen entnommen (Standard 10000).</translation>
    </message>
    <message>
        <source>--frame-every needs a number of seconds, from 0.04 to 3600.</source>
        <translation>--frame-every erwartet eine Anzahl Sekunden, von 0.04 bis 3600.</translation>
    </message>
    <message>
        <source>--max-frames needs a whole number.</source>
        <translation>--max-frames erwartet eine ganze Zahl.</translation>
    </message>
    <message>
        <source>--max-megapixels needs a number from 0 to 10000.</source>
        <translation>--max-megapixels erwartet eine Zahl von 0 bis 10000.</translation>
    </message>
    <message>
        <source>Export the current labels to CSV (path,label,annotator), or import labels from such a file. Import exits 0 when every row applied, 3 when some rows could not be (each is reported), 1 when none did.</source>
        <translation>Die aktuellen Labels als CSV exportieren (path,label,annotator) oder Labels aus einer solchen Datei importieren. Rückgabewert des Imports: 0, wenn jede Zeile übernommen wurde, 3, wenn einige Zeilen nicht übernommen werden konnten (jede wird gemeldet), 1, wenn keine übernommen wurde.</translation>
    </message>
    <message>
        <source>%1, line %2: %3</source>
        <translation>%1, Zeile %2: %3</translation>
    </message>
    <message>
        <source>%1 rows were overridden by a later row for the same item.</source>
        <translation>%1 Zeilen wurden durch eine spätere Zeile für dasselbe Element überschrieben.</translation>
    </message>
    <message>
        <source>No label was applied.</source>
        <translation>Es wurde kein Label übernommen.</translation>
    </message>
    <message>
        <source>No such item: %1 (not an item id, an imported path, or a copy of an imported file)</source>
        <translation>Kein solches Element: %1 (weder eine Element-ID noch ein importierter Pfad noch eine Kopie einer importierten Datei)</translation>
    </message>
    <message>
        <source>%1 of %2 items were not found; the others are labeled.</source>
        <translation>%1 von %2 Elementen wurden nicht gefunden; die übrigen sind gelabelt.</translation>
    </message>
    <message>
        <source>Find labels that are probably wrong: confident learning over a run&apos;s out-of-sample scores (every labeled item of a cross-validated run; see train --folds). Prints the estimated number of label errors and the suspects, most suspect first, with the label the model suggests and how sure it is (score). Items relabelled since the run, or confirmed right for this model, are left out; unsure items never take part.</source>
        <translation>Labels finden, die wahrscheinlich falsch sind: Confident Learning über die Out-of-Sample-Scores eines Trainings (jedes gelabelte Element eines kreuzvalidierten Trainings; siehe train --folds). Gibt die geschätzte Anzahl der Labelfehler und die Verdachtsfälle aus, die verdächtigsten zuerst, mit dem Label, das das Modell vorschlägt, und wie sicher es ist (Score). Elemente, die seit dem Training neu gelabelt oder für dieses Modell als richtig bestätigt wurden, bleiben außen vor; als unsure gelabelte Elemente nehmen nie teil.</translation>
    </message>
    <message>
        <source>The project: a file or a postgresql:// URL.</source>
        <translation>Das Projekt: eine Datei oder eine postgresql://-URL.</translation>
    </message>
    <message>
        <source>Print one JSON object: the estimate and every suspect (path, label, suggested, score, rank).</source>
        <translation>Ein JSON-Objekt ausgeben: die Schätzung und jeden Verdachtsfall (path, label, suggested, score, rank).</translation>
    </message>
    <message>
        <source>Write rank,path,label,suggested,score to FILE.</source>
        <translation>rank,path,label,suggested,score in FILE schreiben.</translation>
    </message>
    <message>
        <source>Suspects listed in the text output (default 20).</source>
        <translation>In der Textausgabe aufgeführte Verdachtsfälle (Standard 20).</translation>
    </message>
    <message>
        <source>audit takes one project.</source>
        <translation>audit erwartet ein Projekt.</translation>
    </message>
    <message>
        <source>This project has no finished run yet (see: nsfw-workbench train --folds 5).</source>
        <translation>Dieses Projekt hat noch kein beendetes Training (siehe: nsfw-workbench train --folds 5).</translation>
    </message>
    <message>
        <source>Run %1 is %2: audit a finished run.</source>
        <translation>Training %1 hat den Status %2: Prüfen Sie ein beendetes Training.</translation>
    </message>
    <message>
        <source>Run %1 judged only its validation split (%2 items): the audit covers those. Train with --folds to judge every label.</source>
        <translation>Training %1 hat nur seine Validierungsmenge beurteilt (%2 Elemente): Die Prüfung umfasst nur diese. Trainieren Sie mit --folds, um jedes Label zu beurteilen.</translation>
    </message>
    <message>
        <source>%1 relabelled since the run</source>
        <translation>%1 seit dem Training neu gelabelt</translation>
    </message>
    <message>
        <source>%1 confirmed right</source>
        <translation>%1 als richtig bestätigt</translation>
    </message>
    <message>
        <source>Run %1: %2 labels judged out-of-sample%3. About %4 label error(s) estimated; %5 suspect(s)%6.</source>
        <translation>Training %1: %2 Labels out-of-sample beurteilt%3. Geschätzte Labelfehler: etwa %4; Verdachtsfälle: %5%6.</translation>
    </message>
    <message>
        <source> by %1 folds</source>
        <translation> mit %1 Folds</translation>
    </message>
    <message>
        <source>not counted: %1</source>
        <translation>nicht gezählt: %1</translation>
    </message>
    <message>
        <source>labeled %1, probably %2 (%3)</source>
        <translation>gelabelt %1, wahrscheinlich %2 (%3)</translation>
    </message>
    <message>
        <source>... and %1 more (--limit, --json or --csv for all)</source>
        <translation>... und %1 weitere (--limit, --json oder --csv für alle)</translation>
    </message>
    <message>
        <source>Share of labels flipped (default 0.1).</source>
        <translation>Anteil vertauschter Labels (Standard 0.1).</translation>
    </message>
    <message>
        <source>Learning rate of the head run (default: the tool&apos;s).</source>
        <translation>Lernrate des Kopf-Trainings (Standard: wie im Werkzeug).</translation>
    </message>
    <message>
        <source>Early stopping of the head run (default: the tool&apos;s, 3; 0: never).</source>
        <translation>Frühzeitiges Stoppen des Kopf-Trainings (Standard: wie im Werkzeug, 3; 0: nie).</translation>
    </message>
    <message>
        <source>The training run failed: %1</source>
        <translation>Das Training ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>no cached features to give the baseline</source>
        <translation>keine zwischengespeicherten Merkmale für die Baseline</translation>
    </message>
    <message>
        <source>%1: %2 suspects (estimate %3), precision %4, recall %5, precision@k %6</source>
        <translation>%1: %2 Verdachtsfälle (Schätzung %3), Precision %4, Recall %5, precision@k %6</translation>
    </message>
    <message>
        <source>audit (cross-validated head)</source>
        <translation>Prüfung (kreuzvalidierter Kopf)</translation>
    </message>
    <message>
        <source>baseline (logistic regression, 5 folds)</source>
        <translation>Baseline (logistische Regression, 5 Folds)</translation>
    </message>
    <message>
        <source>baseline skipped: %1</source>
        <translation>Baseline übersprungen: %1</translation>
    </message>
    <message>
        <source>One labelling process of `benchmark load` (started by it).</source>
        <translation>Ein labelnder Prozess von `benchmark load` (von dort gestartet).</translation>
    </message>
    <message>
        <source>Annotator name.</source>
        <translation>Name des Annotators.</translation>
    </message>
    <message>
        <source>Random seed.</source>
        <translation>Zufalls-Seed.</translation>
    </message>
    <message>
        <source>How long to label.</source>
        <translation>Wie lange gelabelt wird.</translation>
    </message>
    <message>
        <source>The project.</source>
        <translation>Das Projekt.</translation>
    </message>
    <message>
        <source>Usage: benchmark load-worker LOCATION --annotator NAME [--seed N] [--seconds S]</source>
        <translation>Aufruf: benchmark load-worker LOCATION --annotator NAME [--seed N] [--seconds S]</translation>
    </message>
    <message>
        <source>The project has no items.</source>
        <translation>Das Projekt enthält keine Elemente.</translation>
    </message>
    <message>
        <source>Several processes label random items of one project at once through the window&apos;s write path, while one is killed (SIGKILL) and replaced and the PostgreSQL server is restarted; then every acknowledged label is looked for in the history. Prints commit latencies; exit status 1 when a label was lost or the history is inconsistent.</source>
        <translation>Mehrere Prozesse labeln gleichzeitig zufällige Elemente eines Projekts über den Schreibweg des Fensters, während einer beendet (SIGKILL) und ersetzt und der PostgreSQL-Server neu gestartet wird; danach wird jedes bestätigte Label im Verlauf gesucht. Gibt die Speicherlatenzen aus; Rückgabewert 1, wenn ein Label verloren ging oder der Verlauf inkonsistent ist.</translation>
    </message>
    <message>
        <source>Backends to run (default sqlite,postgresql).</source>
        <translation>Auszuführende Backends (Standard sqlite,postgresql).</translation>
    </message>
    <message>
        <source>Labelling processes (default 8).</source>
        <translation>Labelnde Prozesse (Standard 8).</translation>
    </message>
    <message>
        <source>How long they label (default 60).</source>
        <translation>Wie lange sie labeln (Standard 60).</translation>
    </message>
    <message>
        <source>Items in the project (default 2000).</source>
        <translation>Elemente im Projekt (Standard 2000).</translation>
    </message>
    <message>
        <source>PostgreSQL admin URL on which a fresh database is made (default: NSFW_TEST_PG).</source>
        <translation>PostgreSQL-Admin-URL, unter der eine neue Datenbank angelegt wird (Standard: NSFW_TEST_PG).</translation>
    </message>
    <message>
        <source>The server&apos;s packaging/pgtest.sh folder: the server is restarted once at half time (default: NSFW_TEST_PG_DIR).</source>
        <translation>Der packaging/pgtest.sh-Ordner des Servers: Der Server wird nach der halben Zeit einmal neu gestartet (Standard: NSFW_TEST_PG_DIR).</translation>
    </message>
    <message>
        <source>The script that restarts the server (default: packaging/pgtest.sh of the source tree this was built from).</source>
        <translation>Das Skript, das den Server neu startet (Standard: packaging/pgtest.sh aus dem Quellbaum, aus dem dieses Programm gebaut wurde).</translation>
    </message>
    <message>
        <source>--processes and --items must be at least 1, --seconds at least 3.</source>
        <translation>--processes und --items müssen mindestens 1 sein, --seconds mindestens 3.</translation>
    </message>
    <message>
        <source>Unknown backend: %1 (sqlite, postgresql)</source>
        <translation>Unbekanntes Backend: %1 (sqlite, postgresql)</translation>
    </message>
    <message>
        <source>The postgresql backend needs a server: give --server URL (an admin URL such as postgresql://postgres@127.0.0.1:5432/postgres) or set NSFW_TEST_PG, or run --backends sqlite.</source>
        <translation>Das Backend postgresql braucht einen Server: Geben Sie --server URL an (eine Admin-URL wie postgresql://postgres@127.0.0.1:5432/postgres), setzen Sie NSFW_TEST_PG, oder verwenden Sie --backends sqlite.</translation>
    </message>
    <message>
        <source>unexpected: entry %1 by %2 (item %3) was never acknowledged</source>
        <translation>unerwartet: Eintrag %1 von %2 (Element %3) wurde nie bestätigt</translation>
    </message>
    <message>
        <source>lost: %1 acknowledged item %2 as %3</source>
        <translation>verloren: %1 hatte Element %2 als %3 bestätigt</translation>
    </message>
    <message>
        <source>unexpected: %1 entries by %2 after its last acknowledgement</source>
        <translation>unerwartet: %1 Einträge von %2 nach seiner letzten Bestätigung</translation>
    </message>
    <message>
        <source>the project has %1 items instead of %2</source>
        <translation>das Projekt hat %1 Elemente statt %2</translation>
    </message>
    <message>
        <source>inconsistent: the history of item %1</source>
        <translation>inkonsistent: der Verlauf von Element %1</translation>
    </message>
    <message>
        <source>unexpected: %1 entries by %2, who is no worker</source>
        <translation>unerwartet: %1 Einträge von %2, das kein Worker ist</translation>
    </message>
    <message>
        <source>%1 processes labelling %2 random items of one project for %3 s; one killed (SIGKILL) and replaced at 1/3, the PostgreSQL server restarted at 1/2. Commit latency: writes that succeeded at the first try, in ms.</source>
        <translation>%1 Prozesse labeln %3 s lang %2 zufällige Elemente eines Projekts; einer wird bei 1/3 beendet (SIGKILL) und ersetzt, der PostgreSQL-Server bei 1/2 neu gestartet. Speicherlatenz: Schreibvorgänge, die beim ersten Versuch gelangen, in ms.</translation>
    </message>
    <message>
        <source>backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <source>acked</source>
        <translation>bestät.</translation>
    </message>
    <message>
        <source>labels/s</source>
        <translation>Labels/s</translation>
    </message>
    <message>
        <source>median</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>max</source>
        <translation>max.</translation>
    </message>
    <message>
        <source>longest wait</source>
        <translation>max. Warten</translation>
    </message>
    <message>
        <source>across restart</source>
        <translation>beim Neustart</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>verl.</translation>
    </message>
    <message>
        <source>inconsistent</source>
        <translation>inkonsistent</translation>
    </message>
    <message>
        <source>-</source>
        <translation>-</translation>
    </message>
    <message>
        <source>%1: ERROR %2</source>
        <translation>%1: FEHLER %2</translation>
    </message>
    <message>
        <source>%1: %2 killed at %3 s, replaced by %4; server restart: %5</source>
        <translation>%1: %2 bei %3 s beendet, ersetzt durch %4; Server-Neustart: %5</translation>
    </message>
    <message>
        <source>at %1 s, back after %2 s</source>
        <translation>bei %1 s, nach %2 s wieder da</translation>
    </message>
    <message>
        <source>%1: history %2 entries for %3 acknowledged changes (+%4 unacknowledged, explained; %5 unexpected); %6 writes retried while busy; %7 failed</source>
        <translation>%1: Verlauf %2 Einträge für %3 bestätigte Änderungen (+%4 unbestätigte, erklärt; %5 unerwartet); %6 Schreibvorgänge wegen Belegung wiederholt; %7 fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1: a failed write: %2</source>
        <translation>%1: ein fehlgeschlagener Schreibvorgang: %2</translation>
    </message>
    <message>
        <source>%1: the project is kept for a look: %2</source>
        <translation>%1: das Projekt bleibt zur Ansicht erhalten: %2</translation>
    </message>
    <message>
        <source>Every acknowledged label is in the history, and the history is consistent.</source>
        <translation>Jedes bestätigte Label steht im Verlauf, und der Verlauf ist konsistent.</translation>
    </message>
    <message>
        <source>FAILED: see above.</source>
        <translation>FEHLGESCHLAGEN: siehe oben.</translation>
    </message>
    <message>
        <source>Create a new project (a file or a PostgreSQL database).</source>
        <translation>Ein neues Projekt anlegen (eine Datei oder eine PostgreSQL-Datenbank).</translation>
    </message>
    <message>
        <source>Show or map a server project&apos;s media folder on this machine.</source>
        <translation>Den Medienordner eines Serverprojekts auf diesem Rechner zeigen oder zuordnen.</translation>
    </message>
    <message>
        <source>Copy a project between files and PostgreSQL databases.</source>
        <translation>Ein Projekt zwischen Dateien und PostgreSQL-Datenbanken kopieren.</translation>
    </message>
    <message>
        <source>Find labels that are probably wrong (confident learning over a cross-validated run).</source>
        <translation>Wahrscheinlich falsche Labels finden (Confident Learning über ein kreuzvalidiertes Training).</translation>
    </message>
    <message>
        <source>labels takes one project and either --export FILE or --import FILE.</source>
        <translation>labels erwartet ein Projekt und entweder --export FILE oder --import FILE.</translation>
    </message>
    <message>
        <source>Create a new, empty project: a file, or an empty PostgreSQL database given as postgresql://user@host:port/dbname (the database must exist; the password comes from ~/.pgpass).</source>
        <translation>Ein neues, leeres Projekt anlegen: eine Datei oder eine leere PostgreSQL-Datenbank, angegeben als postgresql://user@host:port/dbname (die Datenbank muss existieren; das Passwort kommt aus ~/.pgpass).</translation>
    </message>
    <message>
        <source>The project to create, e.g. demo.nwproj or postgresql://me@db.example/moderation.</source>
        <translation>Das anzulegende Projekt, z. B. demo.nwproj oder postgresql://me@db.example/moderation.</translation>
    </message>
    <message>
        <source>Server projects: the folder media paths are stored relative to, on this machine (default: the current folder).</source>
        <translation>Serverprojekte: der Ordner auf diesem Rechner, relativ zu dem die Medienpfade gespeichert werden (Standard: der aktuelle Ordner).</translation>
    </message>
    <message>
        <source>init takes one project.</source>
        <translation>init erwartet ein Projekt.</translation>
    </message>
    <message>
        <source>A project file&apos;s media root is the folder it is in; --media-root is for server projects.</source>
        <translation>Der Medien-Stammordner einer Projektdatei ist der Ordner, in dem sie liegt; --media-root ist für Serverprojekte.</translation>
    </message>
    <message>
        <source>Media root on this machine: %1</source>
        <translation>Medien-Stammordner auf diesem Rechner: %1</translation>
    </message>
    <message>
        <source>Show or set where a server project&apos;s media are on this machine. Stored paths are relative to this folder; each machine (and user) maps its own. NSFW_WORKBENCH_MEDIA_ROOT overrides it.</source>
        <translation>Zeigen oder festlegen, wo die Medien eines Serverprojekts auf diesem Rechner liegen. Gespeicherte Pfade sind relativ zu diesem Ordner; jeder Rechner (und Benutzer) ordnet seinen eigenen zu. NSFW_WORKBENCH_MEDIA_ROOT hat Vorrang.</translation>
    </message>
    <message>
        <source>The folder to map (leave out to show the mapping).</source>
        <translation>Der zuzuordnende Ordner (weglassen, um die Zuordnung zu zeigen).</translation>
    </message>
    <message>
        <source>media-root takes a project and, to set it, a folder.</source>
        <translation>media-root erwartet ein Projekt und, zum Festlegen, einen Ordner.</translation>
    </message>
    <message>
        <source>The media root of %1 is not mapped on this machine.</source>
        <translation>Der Medien-Stammordner von %1 ist auf diesem Rechner nicht zugeordnet.</translation>
    </message>
    <message>
        <source>Copy a project with everything (items, the whole label history, runs, epochs, scores, settings) into a new project: a file or an empty PostgreSQL database, either way.</source>
        <translation>Ein Projekt mit allem (Elemente, gesamter Label-Verlauf, Trainings, Epochen, Scores, Einstellungen) in ein neues Projekt kopieren: eine Datei oder eine leere PostgreSQL-Datenbank, in beide Richtungen.</translation>
    </message>
    <message>
        <source>The project to copy: a file or a postgresql:// URL.</source>
        <translation>Das zu kopierende Projekt: eine Datei oder eine postgresql://-URL.</translation>
    </message>
    <message>
        <source>The new project: a file that does not exist yet, or an empty PostgreSQL database.</source>
        <translation>Das neue Projekt: eine Datei, die noch nicht existiert, oder eine leere PostgreSQL-Datenbank.</translation>
    </message>
    <message>
        <source>A server DST: its media root on this machine (default: SRC&apos;s).</source>
        <translation>Für ein DST auf einem Server: sein Medien-Stammordner auf diesem Rechner (Standard: der von SRC).</translation>
    </message>
    <message>
        <source>copy-project takes a source and a destination.</source>
        <translation>copy-project erwartet eine Quelle und ein Ziel.</translation>
    </message>
    <message>
        <source>Nothing was copied: %1</source>
        <translation>Es wurde nichts kopiert: %1</translation>
    </message>
    <message>
        <source>Copied %1 to %2 in %3 s: %4; %5 checkpoints.</source>
        <translation>%1 in %3 s nach %2 kopiert: %4; %5 Checkpoints.</translation>
    </message>
    <message>
        <source>stats takes one project.</source>
        <translation>stats erwartet ein Projekt.</translation>
    </message>
    <message>
        <source>check takes one project.</source>
        <translation>check erwartet ein Projekt.</translation>
    </message>
    <message>
        <source>Cross-validate on K grouped, stratified folds so every labeled item is judged out-of-sample; the run&apos;s model is then trained on all labels for the epochs the folds chose. 1: one validation split (--val-fraction). Default: 5 in head mode, 1 in partial and full.</source>
        <translation>Kreuzvalidierung mit K gruppierten, stratifizierten Folds, sodass jedes gelabelte Element out-of-sample beurteilt wird; das Modell des Trainings wird danach auf allen Labels mit der von den Folds gewählten Anzahl Epochen trainiert. 1: eine einzige Validierungsmenge (--val-fraction). Standard: 5 im Modus head, 1 in partial und full.</translation>
    </message>
    <message>
        <source>train takes one project.</source>
        <translation>train erwartet ein Projekt.</translation>
    </message>
    <message>
        <source>--folds takes a number of folds from 1 to 20, not %1</source>
        <translation>--folds erwartet eine Anzahl Folds von 1 bis 20, nicht %1</translation>
    </message>
    <message>
        <source>Run %1 (%2 mode%3)</source>
        <translation>Training %1 (Modus %2%3)</translation>
    </message>
    <message>
        <source>, %1-fold cross-validation</source>
        <translation>, %1-fache Kreuzvalidierung</translation>
    </message>
    <message>
        <source>Run %1 %2 in %3 s: best epoch %4 with AP %5 (95 % interval %6) (epoch 0: the pretrained model). %7 items trained on, %8 judged out-of-sample%9, %10 scored.</source>
        <translation>Training %1 %2 in %3 s: beste Epoche %4 mit AP %5 (95-%-Intervall %6) (Epoche 0: das vortrainierte Modell). Auf %7 Elementen trainiert, %8 out-of-sample beurteilt%9, %10 bewertet.</translation>
    </message>
    <message>
        <source>Out-of-sample metrics of a run&apos;s best epoch (its validation split, or every labeled item of a cross-validated run): AP, ROC AUC, and precision, recall, F1 and the confusion matrix at a threshold, with 95 % bootstrap intervals over items grouped as the split grouped them (a video&apos;s frames together).</source>
        <translation>Out-of-Sample-Metriken der besten Epoche eines Trainings (seine Validierungsmenge oder jedes gelabelte Element eines kreuzvalidierten Trainings): AP, ROC AUC sowie Precision, Recall, F1 und die Konfusionsmatrix bei einer Schwelle, mit 95-%-Bootstrap-Intervallen über Elemente, die so gruppiert sind wie bei der Aufteilung (die Bilder eines Videos zusammen).</translation>
    </message>
    <message>
        <source>Write path,label,score,split,fold per item to FILE.</source>
        <translation>path,label,score,split,fold pro Element in FILE schreiben.</translation>
    </message>
    <message>
        <source>Bootstrap resamples for the 95 % intervals (default 1000).</source>
        <translation>Bootstrap-Stichproben für die 95-%-Intervalle (Standard 1000).</translation>
    </message>
    <message>
        <source>Seed of the bootstrap (default 1).</source>
        <translation>Seed für den Bootstrap (Standard 1).</translation>
    </message>
    <message>
        <source>evaluate takes one project.</source>
        <translation>evaluate erwartet ein Projekt.</translation>
    </message>
    <message>
        <source>Run %1 (%2, best epoch %3), %4 items judged out-of-sample by %5 folds:</source>
        <translation>Training %1 (%2, beste Epoche %3), %4 Elemente out-of-sample beurteilt mit %5 Folds:</translation>
    </message>
    <message>
        <source>  AP %1 (%2), ROC AUC %3 (%4)</source>
        <translation>  AP %1 (%2), ROC AUC %3 (%4)</translation>
    </message>
    <message>
        <source>  at threshold %1: precision %2 (%3), recall %4 (%5), F1 %6, accuracy %7</source>
        <translation>  bei Schwelle %1: Precision %2 (%3), Recall %4 (%5), F1 %6, Accuracy %7</translation>
    </message>
    <message>
        <source>  (in parentheses: 95 % bootstrap intervals, %1 resamples over %2 independent units)</source>
        <translation>  (in Klammern: 95-%-Bootstrap-Intervalle, %1 Stichproben über %2 unabhängige Einheiten)</translation>
    </message>
    <message>
        <source>seed %1: %2 pictures, %3 labels flipped; cross-validated head run ...</source>
        <translation>Seed %1: %2 Bilder, %3 Labels vertauscht; kreuzvalidiertes Kopf-Training ...</translation>
    </message>
    <message>
        <source>The label-error audit on planted noise: clip art &apos;people&apos; (nsfw stand-in) against animals, buildings, tools, plants and transportation, a share of the labels flipped with a seed, a cross-validated head run and its audit; against logistic regression on the same frozen features with 5-fold cross-validation and the same confident-learning rule. Prints precision, recall and precision@k (k = labels flipped) of both for each seed, and their medians over the seeds.</source>
        <translation>Die Labelfehler-Prüfung auf absichtlich eingebrachtem Rauschen: Clipart „people“ (Ersatz für nsfw) gegen animals, buildings, tools, plants und transportation, ein Anteil der Labels mit einem Seed vertauscht, ein kreuzvalidiertes Kopf-Training und seine Prüfung; im Vergleich zu logistischer Regression auf denselben eingefrorenen Merkmalen mit 5-facher Kreuzvalidierung und derselben Confident-Learning-Regel. Gibt Precision, Recall und precision@k (k = Anzahl vertauschter Labels) für beide je Seed aus, sowie ihre Mediane über die Seeds.</translation>
    </message>
    <message>
        <source>Pictures per class (default 400).</source>
        <translation>Bilder pro Klasse (Standard 400).</translation>
    </message>
    <message>
        <source>First seed of the flips, folds and training (default 1).</source>
        <translation>Erster Seed für das Vertauschen, die Folds und das Training (Standard 1).</translation>
    </message>
    <message>
        <source>Trials, with seeds S, S+1, ... (default 5): one trial&apos;s precision@k moves by 1/k with each item.</source>
        <translation>Durchgänge, mit den Seeds S, S+1, ... (Standard 5): Die precision@k eines Durchgangs ändert sich mit jedem Element um 1/k.</translation>
    </message>
    <message>
        <source>Epochs of the head run (default: the tool&apos;s, 30).</source>
        <translation>Epochen des Kopf-Trainings (Standard: wie im Werkzeug, 30).</translation>
    </message>
    <message>
        <source>Build the projects in DIR (a new folder; one subfolder per seed) and keep them, to open the planted errors in the window or train on them again.</source>
        <translation>Die Projekte in DIR anlegen (ein neuer Ordner; ein Unterordner pro Seed) und behalten, um die absichtlich eingebrachten Fehler im Fenster zu öffnen oder erneut auf ihnen zu trainieren.</translation>
    </message>
    <message>
        <source>openclipart-png is not installed or has too few pictures (%1 people; packaging/setup.sh installs it).</source>
        <translation>openclipart-png ist nicht installiert oder enthält zu wenige Bilder (%1 in „people“; packaging/setup.sh installiert es).</translation>
    </message>
    <message>
        <source>%1: give a folder that does not exist yet; it will be made.</source>
        <translation>%1: Geben Sie einen Ordner an, der noch nicht existiert; er wird angelegt.</translation>
    </message>
    <message>
        <source>seed %1: %2 pictures, %3 labels flipped; head run: %4 folds, best epoch %5, out-of-fold AP %6</source>
        <translation>Seed %1: %2 Bilder, %3 Labels vertauscht; Kopf-Training: %4 Folds, beste Epoche %5, Out-of-Fold-AP %6</translation>
    </message>
    <message>
        <source>precision %1, recall %2, precision@k %3</source>
        <translation>Precision %1, Recall %2, precision@k %3</translation>
    </message>
    <message>
        <source>median over %1 seeds: audit %2</source>
        <translation>Median über %1 Seeds: Prüfung %2</translation>
    </message>
    <message>
        <source>The baseline was skipped on every seed.</source>
        <translation>Die Baseline wurde bei jedem Seed übersprungen.</translation>
    </message>
    <message>
        <source>median over %1 seeds: baseline %2</source>
        <translation>Median über %1 Seeds: Baseline %2</translation>
    </message>
    <message>
        <source>The audit beats the baseline on median precision@k (ahead on %1 of %2 seeds).</source>
        <translation>Die Prüfung schlägt die Baseline beim Median von precision@k (vorn bei %1 von %2 Seeds).</translation>
    </message>
    <message>
        <source>The audit does NOT beat the baseline on median precision@k (ahead on %1 of %2 seeds).</source>
        <translation>Die Prüfung schlägt die Baseline beim Median von precision@k NICHT (vorn bei %1 von %2 Seeds).</translation>
    </message>
    <message>
        <source>How well near-copies are found: a corpus of edited copies (resized, JPEG, cropped 4-6 %, gamma, a caption, a border, blur, WebP, PNG) of Debian&apos;s clip art and wallpapers among distractors of the same kinds; pairwise precision and recall of plain pHash, the block-mean hash, the backbone features&apos; cosine and the combined rules (tuned on half of the originals, measured on the other half).</source>
        <translation>Wie gut Beinahe-Kopien gefunden werden: ein Korpus bearbeiteter Kopien (in der Größe geändert, JPEG, um 4-6 % beschnitten, Gamma, eine Beschriftung, ein Rahmen, Weichzeichnen, WebP, PNG) von Debians Clipart und Hintergrundbildern zwischen Distraktoren derselben Arten; paarweise Precision und Recall von einfachem pHash, dem Blockmittelwert-Hash, dem Kosinus der Backbone-Merkmale und den kombinierten Regeln (abgestimmt auf der Hälfte der Originale, gemessen auf der anderen Hälfte).</translation>
    </message>
    <message>
        <source>Edited originals (default 240).</source>
        <translation>Bearbeitete Originale (Standard 240).</translation>
    </message>
    <message>
        <source>Unedited distractors (default 600).</source>
        <translation>Unbearbeitete Distraktoren (Standard 600).</translation>
    </message>
    <message>
        <source>Seed of the choice and the edits (default 1).</source>
        <translation>Seed für die Auswahl und die Bearbeitungen (Standard 1).</translation>
    </message>
    <message>
        <source>Write the corpus to DIR (a new folder) and keep it.</source>
        <translation>Das Korpus in DIR schreiben (ein neuer Ordner) und behalten.</translation>
    </message>
    <message>
        <source>corpus: %1 files (%2 originals with %3 edits each, and distractors) in %4 s; hashing ...</source>
        <translation>Korpus: %1 Dateien (%2 Originale mit je %3 Bearbeitungen, und Distraktoren) in %4 s; berechne Hashes ...</translation>
    </message>
    <message>
        <source>features of %1 files ...</source>
        <translation>Merkmale von %1 Dateien ...</translation>
    </message>
    <message>
        <source>no model (%1): the rules with features are left out</source>
        <translation>kein Modell (%1): die Regeln mit Merkmalen entfallen</translation>
    </message>
    <message>
        <source>plain pHash</source>
        <translation>einfacher pHash</translation>
    </message>
    <message>
        <source>pHash (whole or trimmed) with the thumbnail</source>
        <translation>pHash (ganz oder ohne Rand) mit Vorschaubild</translation>
    </message>
    <message>
        <source>block mean (whole or trimmed) with the thumbnail</source>
        <translation>Blockmittelwert (ganz oder ohne Rand) mit Vorschaubild</translation>
    </message>
    <message>
        <source>pHash (whole or trimmed) with the thumbnail, colours within %1</source>
        <translation>pHash (ganz oder ohne Rand) mit Vorschaubild, Farbabstand höchstens %1</translation>
    </message>
    <message>
        <source>block mean (whole or trimmed) with the thumbnail, colours within %1</source>
        <translation>Blockmittelwert (ganz oder ohne Rand) mit Vorschaubild, Farbabstand höchstens %1</translation>
    </message>
    <message>
        <source>pHash (whole or trimmed) with the features</source>
        <translation>pHash (ganz oder ohne Rand) mit Merkmalen</translation>
    </message>
    <message>
        <source>feature cosine</source>
        <translation>Merkmals-Kosinus</translation>
    </message>
    <message>
        <source>thumbnail correlation</source>
        <translation>Vorschaubild-Korrelation</translation>
    </message>
    <message>
        <source>plain pHash (64 bits), best threshold on the measured half</source>
        <translation>einfacher pHash (64 Bit), beste Schwelle auf der Messhälfte</translation>
    </message>
    <message>
        <source>pHash, whole or trimmed, best threshold on the measured half</source>
        <translation>pHash, ganz oder ohne Rand, beste Schwelle auf der Messhälfte</translation>
    </message>
    <message>
        <source>block mean (256 bits), whole or trimmed, best threshold on the measured half</source>
        <translation>Blockmittelwert (256 Bit), ganz oder ohne Rand, beste Schwelle auf der Messhälfte</translation>
    </message>
    <message>
        <source>thumbnail correlation, best threshold on the measured half</source>
        <translation>Vorschaubild-Korrelation, beste Schwelle auf der Messhälfte</translation>
    </message>
    <message>
        <source>feature cosine, best threshold on the measured half</source>
        <translation>Merkmals-Kosinus, beste Schwelle auf der Messhälfte</translation>
    </message>
    <message>
        <source>, tuned on the other half</source>
        <translation>, abgestimmt auf der anderen Hälfte</translation>
    </message>
    <message>
        <source>%1 files, %2 originals with %3 edits each; duplicate pairs: %4 tuning, %5 measured</source>
        <translation>%1 Dateien, %2 Originale mit je %3 Bearbeitungen; Duplikatpaare: %4 zur Abstimmung, %5 gemessen</translation>
    </message>
    <message>
        <source>%1: %2
  measured half: precision %3, recall %4 (tuning half: %5, %6)</source>
        <translation>%1: %2
  Messhälfte: Precision %3, Recall %4 (Abstimmungshälfte: %5, %6)</translation>
    </message>
    <message>
        <source>chosen on the tuning half: %1</source>
        <translation>auf der Abstimmungshälfte gewählt: %1</translation>
    </message>
    <message>
        <source>%1 s in all</source>
        <translation>insgesamt %1 s</translation>
    </message>
    <message>
        <source>Epochs (default: 30 in head mode, 10 in partial and full).</source>
        <translation>Epochen (Standard: 30 im Modus head, 10 in partial und full).</translation>
    </message>
    <message>
        <source>Stop after N epochs in which neither the validation AP nor the validation loss improved (0: never; default 3).</source>
        <translation>Nach N Epochen stoppen, in denen sich weder die Validierungs-AP noch der Validierungsverlust verbessert hat (0: nie; Standard 3).</translation>
    </message>
    <message>
        <source>the tool&apos;s rule (what duplicates uses)</source>
        <translation>die Regel des Werkzeugs (die duplicates verwendet)</translation>
    </message>
    <message>
        <source>recall of (original, edited copy) pairs by edit, measured half: plain pHash / the tool&apos;s rule</source>
        <translation>Recall der Paare (Original, bearbeitete Kopie) je Bearbeitung, Messhälfte: einfacher pHash / Regel des Werkzeugs</translation>
    </message>
    <message>
        <source>grouping all %1 files: %2 groups in %3 s (%4 million pairs a second, every pair compared)</source>
        <translation>Gruppieren aller %1 Dateien: %2 Gruppen in %3 s (%4 Millionen Paare pro Sekunde, jedes Paar verglichen)</translation>
    </message>
    <message>
        <source>List the groups of near-copies (resized, recompressed, cropped, captioned copies of one picture), conflicting labels first.</source>
        <translation>Gruppen von Beinahe-Kopien auflisten (verkleinerte, neu komprimierte, beschnittene, beschriftete Kopien eines Bildes), widersprüchliche Labels zuerst.</translation>
    </message>
    <message>
        <source>List the groups of near-copies among the project&apos;s images and videos (resized, recompressed, cropped, bordered, captioned copies of one picture), by their perceptual hashes; groups whose members carry both safe and nsfw labels are conflicts and come first, then the largest. Hashes missing from projects imported by older versions are computed first.</source>
        <translation>Listet die Gruppen von Beinahe-Kopien unter den Bildern und Videos des Projekts auf (verkleinerte, neu komprimierte, beschnittene, gerahmte, beschriftete Kopien eines Bildes), anhand ihrer perzeptuellen Hashes; Gruppen, deren Mitglieder sowohl safe- als auch nsfw-Labels tragen, sind Konflikte und kommen zuerst, dann die größten. Hashes, die in Projekten aus älteren Versionen fehlen, werden zuerst berechnet.</translation>
    </message>
    <message>
        <source>Print one JSON object: {&quot;groups&quot;: [{&quot;items&quot;: [{&quot;path&quot;, &quot;label&quot;}, ...], &quot;conflict&quot;: bool}, ...]}.</source>
        <translation>Ein JSON-Objekt ausgeben: {&quot;groups&quot;: [{&quot;items&quot;: [{&quot;path&quot;, &quot;label&quot;}, ...], &quot;conflict&quot;: bool}, ...]}.</translation>
    </message>
    <message>
        <source>duplicates takes one project.</source>
        <translation>duplicates erwartet ein Projekt.</translation>
    </message>
    <message>
        <source>hashing %1 of %2 ...</source>
        <translation>berechne Hashes: %1 von %2 ...</translation>
    </message>
    <message>
        <source>not hashed: %1</source>
        <translation>ohne Hash: %1</translation>
    </message>
    <message>
        <source>conflict: </source>
        <translation>Konflikt: </translation>
    </message>
    <message>
        <source>%1 groups of near-copies (%2 items) among %3 hashed items; %4 with conflicting labels.</source>
        <translation>%1 Gruppen von Beinahe-Kopien (%2 Elemente) unter %3 Elementen mit Hash; %4 mit widersprüchlichen Labels.</translation>
    </message>
    <message>
        <source>Leave out the rules with the backbone features (no model is loaded).</source>
        <translation>Die Regeln mit den Backbone-Merkmalen auslassen (es wird kein Modell geladen).</translation>
    </message>
    <message>
        <source>--no-features</source>
        <translation>--no-features</translation>
    </message>
    <message>
        <source>Cannot read %1 (gzip: %2).</source>
        <translation>%1 kann nicht gelesen werden (gzip: %2).</translation>
    </message>
    <message>
        <source>%1 is not an IDX file of pictures.</source>
        <translation>%1 ist keine IDX-Datei mit Bildern.</translation>
    </message>
    <message>
        <source>%1 is cut short.</source>
        <translation>%1 ist abgeschnitten.</translation>
    </message>
    <message>
        <source>No wallpapers: install plasma-workspace-wallpapers (packaging/setup.sh).</source>
        <translation>Keine Hintergrundbilder: Installieren Sie plasma-workspace-wallpapers (packaging/setup.sh).</translation>
    </message>
    <message>
        <source>How long grouping near-copies takes once hashes exist: Fashion-MNIST&apos;s 70,000 pictures and edited copies of them up to N items; times to hash, to group them all, to compare a new import with the rest, and the rule on every pair (measured on a sample, extrapolated).</source>
        <translation>Wie lange das Gruppieren von Beinahe-Kopien dauert, wenn die Hashes schon vorliegen: die 70.000 Bilder von Fashion-MNIST und bearbeitete Kopien davon, bis zu N Elemente; Zeiten für die Hash-Berechnung, für das Gruppieren aller Elemente, für den Vergleich eines neuen Imports mit dem Rest und für die Regel auf jedem Paar (an einer Stichprobe gemessen, hochgerechnet).</translation>
    </message>
    <message>
        <source>Items (default 100000).</source>
        <translation>Elemente (Standard 100000).</translation>
    </message>
    <message>
        <source>Items of the new import (default 1000).</source>
        <translation>Elemente des neuen Imports (Standard 1000).</translation>
    </message>
    <message>
        <source>Items the rule is timed on, pair by pair (default 4000).</source>
        <translation>Elemente, auf denen die Regel Paar für Paar gemessen wird (Standard 4000).</translation>
    </message>
    <message>
        <source>crops (default): pictures cut from the wallpapers; fashion: Fashion-MNIST.</source>
        <translation>crops (Standard): aus den Hintergrundbildern ausgeschnittene Bilder; fashion: Fashion-MNIST.</translation>
    </message>
    <message>
        <source>Percent of the items that are edited copies of others (default 5).</source>
        <translation>Prozentsatz der Elemente, die bearbeitete Kopien anderer Elemente sind (Standard 5).</translation>
    </message>
    <message>
        <source>--corpus is crops or fashion.</source>
        <translation>--corpus muss crops oder fashion sein.</translation>
    </message>
    <message>
        <source>%1 is missing: install dataset-fashion-mnist (packaging/setup.sh).</source>
        <translation>%1 fehlt: Installieren Sie dataset-fashion-mnist (packaging/setup.sh).</translation>
    </message>
    <message>
        <source>Grouping near-copies: %1 items (%2 %3, %4 edited copies of them), %5 threads</source>
        <translation>Gruppieren von Beinahe-Kopien: %1 Elemente (%2 %3, %4 bearbeitete Kopien davon), %5 Threads</translation>
    </message>
    <message>
        <source>Fashion-MNIST pictures</source>
        <translation>Fashion-MNIST-Bilder</translation>
    </message>
    <message>
        <source>pictures cut from the wallpapers</source>
        <translation>aus den Hintergrundbildern ausgeschnittene Bilder</translation>
    </message>
    <message>
        <source>  hashing (once per item, at import): %1 s</source>
        <translation>  Hash-Berechnung (einmal pro Element, beim Import): %1 s</translation>
    </message>
    <message>
        <source>  grouping every item: %1 s (%2 pairs, %3 groups holding %4 items, the largest %5)</source>
        <translation>  Gruppieren aller Elemente: %1 s (%2 Paare, %3 Gruppen mit %4 Elementen, die größte mit %5)</translation>
    </message>
    <message>
        <source>  planted copies in their original&apos;s group: %1 of %2</source>
        <translation>  absichtlich eingebrachte Kopien in der Gruppe ihres Originals: %1 von %2</translation>
    </message>
    <message>
        <source>  a new import of %1 items against the project: %2 s (%3 pairs)</source>
        <translation>  ein neuer Import von %1 Elementen, verglichen mit dem Projekt: %2 s (%3 Paare)</translation>
    </message>
    <message>
        <source>  the rule on every pair, one thread: %1 million pairs/s, %2 s for all %3 million pairs</source>
        <translation>  die Regel auf jedem Paar, ein Thread: %1 Millionen Paare/s, %2 s für alle %3 Millionen Paare</translation>
    </message>
    <message>
        <source>Check the data set: class balance, copies, label conflicts, dark, bright, blank, blurry, tiny, stretched and greyscale images.</source>
        <translation>Den Datensatz prüfen: Klassenverteilung, Kopien, Label-Konflikte, dunkle, helle, leere, unscharfe, winzige, gestreckte und Graustufenbilder.</translation>
    </message>
    <message>
        <source>--threshold takes a number of bits from 0 to 64.</source>
        <translation>--threshold erwartet eine Anzahl Bits von 0 bis 64.</translation>
    </message>
    <message>
        <source>safe %1, nsfw %2, unsure %3, unlabeled %4</source>
        <translation>sicher %1, NSFW %2, unsicher %3, ohne Label %4</translation>
    </message>
    <message>
        <source>Check the data set&apos;s health: class balance overall, per kind and per source folder; exact and near copies and conflicting labels among them; nearly uniform, very dark, very bright, blurry, tiny, extremely stretched and greyscale images (the checks cleanvision knows, with its thresholds where they carry over). Measures missing from projects imported by older versions are computed first.</source>
        <translation>Den Zustand des Datensatzes prüfen: Klassenverteilung insgesamt, je Art und je Quellordner; exakte und Beinahe-Kopien und widersprüchliche Labels unter ihnen; nahezu einheitliche, sehr dunkle, sehr helle, unscharfe, winzige, extrem gestreckte und Graustufenbilder (die Prüfungen, die cleanvision kennt, mit dessen Schwellen, wo sie sich übertragen lassen). Messwerte, die in Projekten aus älteren Versionen fehlen, werden zuerst berechnet.</translation>
    </message>
    <message>
        <source>Print one JSON object: {&quot;balance&quot;: {&quot;overall&quot;, &quot;byKind&quot;, &quot;byFolder&quot;}, &quot;checks&quot;: [{&quot;id&quot;, &quot;name&quot;, &quot;description&quot;, &quot;count&quot;, &quot;items&quot;: [{&quot;id&quot;, &quot;path&quot;, &quot;label&quot;, &quot;value&quot;}]}], &quot;exactGroups&quot;, &quot;nearGroups&quot;, &quot;media&quot;, &quot;measured&quot;, &quot;unreadable&quot;}.</source>
        <translation>Ein JSON-Objekt ausgeben: {&quot;balance&quot;: {&quot;overall&quot;, &quot;byKind&quot;, &quot;byFolder&quot;}, &quot;checks&quot;: [{&quot;id&quot;, &quot;name&quot;, &quot;description&quot;, &quot;count&quot;, &quot;items&quot;: [{&quot;id&quot;, &quot;path&quot;, &quot;label&quot;, &quot;value&quot;}]}], &quot;exactGroups&quot;, &quot;nearGroups&quot;, &quot;media&quot;, &quot;measured&quot;, &quot;unreadable&quot;}.</translation>
    </message>
    <message>
        <source>Items listed per check in the text report (default 10; 0: all).</source>
        <translation>In der Textausgabe je Prüfung aufgeführte Elemente (Standard 10; 0: alle).</translation>
    </message>
    <message>
        <source>health takes one project.</source>
        <translation>health erwartet ein Projekt.</translation>
    </message>
    <message>
        <source>--limit takes a number of items, 0 or more.</source>
        <translation>--limit erwartet eine Anzahl Elemente, 0 oder mehr.</translation>
    </message>
    <message>
        <source>measuring %1 of %2 ...</source>
        <translation>messe %1 von %2 ...</translation>
    </message>
    <message>
        <source>not measured: %1</source>
        <translation>nicht gemessen: %1</translation>
    </message>
    <message>
        <source>Class balance (images and video frames; a frame without a label of its own counts with its video&apos;s)</source>
        <translation>Klassenverteilung (Bilder und Videobilder; ein Videobild ohne eigenes Label zählt mit dem Label seines Videos)</translation>
    </message>
    <message>
        <source>all: %1</source>
        <translation>alle: %1</translation>
    </message>
    <message>
        <source>By source folder</source>
        <translation>Nach Quellordner</translation>
    </message>
    <message>
        <source>... and %1 more (--limit 0 lists all)</source>
        <translation>... und %1 weitere (--limit 0 listet alle auf)</translation>
    </message>
    <message>
        <source>%1 of %2 images and videos measured.</source>
        <translation>%1 von %2 Bildern und Videos gemessen.</translation>
    </message>
    <message>
        <source>fold %1</source>
        <translation>Fold %1</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <source>training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>  near-copies: none on two sides of the split</source>
        <translation>  Beinahe-Kopien: keine auf beiden Seiten der Aufteilung</translation>
    </message>
    <message>
        <source>  near-copies: %1 group(s) held on one side of the split, none across it</source>
        <translation>  Beinahe-Kopien: %1 Gruppe(n) auf einer Seite der Aufteilung gehalten, keine über sie hinweg</translation>
    </message>
    <message>
        <source>  near-copies across the split: %1 group(s), %2 pair(s) on different sides: the figures above may be optimistic (train again: new runs keep near-copies together)</source>
        <translation>  Beinahe-Kopien über die Aufteilung hinweg: %1 Gruppe(n), %2 Paar(e) auf verschiedenen Seiten: Die Zahlen oben sind möglicherweise zu optimistisch (erneut trainieren: neue Trainings halten Beinahe-Kopien zusammen)</translation>
    </message>
    <message>
        <source>the same pHash, or pHash &lt;= %1 and the best-aligned views correlated &gt;= %2, or the trimmed thumbnails correlated &gt;= %3; colours within %4 (mean) and %5 (any cell)</source>
        <translation>derselbe pHash, oder pHash &lt;= %1 und die bestmöglich ausgerichteten Ansichten mit einer Korrelation &gt;= %2, oder die Vorschaubilder ohne Rand mit einer Korrelation &gt;= %3; Farbabstand höchstens %4 (Mittelwert) und %5 (jede Zelle)</translation>
    </message>
    <message>
        <source>Write a run&apos;s (or the pretrained) model as TF.js (nsfwjs), LibTorch or ONNX files.</source>
        <translation>Das Modell eines Trainings (oder das vortrainierte Modell) als TF.js-Dateien (nsfwjs), LibTorch- oder ONNX-Dateien schreiben.</translation>
    </message>
    <message>
        <source>Write the labeled pictures as folders per label or a CSV manifest, split as training splits.</source>
        <translation>Die gelabelten Bilder als Ordner je Label oder als CSV-Manifest schreiben, aufgeteilt wie beim Training.</translation>
    </message>
    <message>
        <source>The pHash distance (0-64) within which the best-aligned views correlated %1 make a pair (default %2; pairs further apart need their thumbnails correlated %3): lower finds fewer, surer pairs, higher more.</source>
        <translation>Der pHash-Abstand (0-64), bis zu dem die bestmöglich ausgerichteten Ansichten mit einer Korrelation von %1 ein Paar bilden (Standard %2; weiter auseinanderliegende Paare brauchen Vorschaubilder mit einer Korrelation von %3): niedriger findet weniger, dafür sicherere Paare, höher mehr.</translation>
    </message>
    <message>
        <source>Write the project&apos;s labeled images and video frames as a dataset: folders safe/ and nsfw/ (train/ and val/ with --split), or a CSV manifest (path, label, split, annotators, agreement, item_id, source) beside the pictures in media/. Frames are written as JPEG files. Unsure and unlabeled items, and copies a person kept out of training, are left out. Exit status 0 when every file was written, 3 when some could not be read (listed, the rest written), 1 when nothing was.</source>
        <translation>Die gelabelten Bilder und Videobilder des Projekts als Datensatz schreiben: Ordner safe/ und nsfw/ (train/ und val/ mit --split) oder ein CSV-Manifest (path, label, split, annotators, agreement, item_id, source) neben den Bildern in media/. Videobilder werden als JPEG-Dateien geschrieben. Als unsure gelabelte Elemente, Elemente ohne Label und Kopien, die jemand vom Training ausgeschlossen hat, bleiben außen vor. Rückgabewert 0, wenn jede Datei geschrieben wurde, 3, wenn einige nicht gelesen werden konnten (aufgelistet, der Rest geschrieben), 1, wenn nichts geschrieben wurde.</translation>
    </message>
    <message>
        <source>Output folder: new, empty, or one this tool exported before (with --replace); never any other.</source>
        <translation>Ausgabeordner: neu, leer oder einer, in den dieses Werkzeug zuvor exportiert hat (mit --replace); nie ein anderer.</translation>
    </message>
    <message>
        <source>folders (default): a folder per label; csv: DIR/manifest.csv and DIR/media/.</source>
        <translation>folders (Standard): ein Ordner pro Label; csv: DIR/manifest.csv und DIR/media/.</translation>
    </message>
    <message>
        <source>Split into train/ and val/ as training does (train --folds 1): a video&apos;s frames and a group of near-copies always on one side.</source>
        <translation>Wie beim Training in train/ und val/ aufteilen (train --folds 1): Die Bilder eines Videos und eine Gruppe von Beinahe-Kopien liegen immer auf derselben Seite.</translation>
    </message>
    <message>
        <source>With --split: the share of labeled items in val/ (default 0.2).</source>
        <translation>Mit --split: der Anteil der gelabelten Elemente in val/ (Standard 0.2).</translation>
    </message>
    <message>
        <source>With --split: the split&apos;s seed (default 1, as train).</source>
        <translation>Mit --split: der Seed der Aufteilung (Standard 1, wie bei train).</translation>
    </message>
    <message>
        <source>Copy the images&apos; bytes (a folder that stands alone).</source>
        <translation>Die Bytes der Bilder kopieren (ein eigenständiger Ordner).</translation>
    </message>
    <message>
        <source>Symbolic links to the project&apos;s images (the default: fast, and no second copy of a large data set; the links break when the media move). Frames are always written as JPEG files.</source>
        <translation>Symbolische Links auf die Bilder des Projekts (Standard: schnell und keine zweite Kopie eines großen Datensatzes; die Links brechen, wenn die Medien verschoben werden). Videobilder werden immer als JPEG-Dateien geschrieben.</translation>
    </message>
    <message>
        <source>Export unsure items too (in unsure/).</source>
        <translation>Auch als unsure gelabelte Elemente exportieren (in unsure/).</translation>
    </message>
    <message>
        <source>Export unlabeled items too (in unlabeled/).</source>
        <translation>Auch Elemente ohne Label exportieren (in unlabeled/).</translation>
    </message>
    <message>
        <source>Replace a folder this tool exported before (never any other folder).</source>
        <translation>Einen Ordner ersetzen, in den dieses Werkzeug zuvor exportiert hat (nie einen anderen Ordner).</translation>
    </message>
    <message>
        <source>export-dataset takes one project and --out DIR.</source>
        <translation>export-dataset erwartet ein Projekt und --out DIR.</translation>
    </message>
    <message>
        <source>--format must be folders or csv.</source>
        <translation>--format muss folders oder csv sein.</translation>
    </message>
    <message>
        <source>--copy and --link exclude each other.</source>
        <translation>--copy und --link schließen einander aus.</translation>
    </message>
    <message>
        <source>--out is a folder: the manifest is written as DIR/manifest.csv beside the pictures it names.</source>
        <translation>--out ist ein Ordner: Das Manifest wird als DIR/manifest.csv neben den Bildern geschrieben, die es nennt.</translation>
    </message>
    <message>
        <source>--val-fraction takes a share between 0 and 1.</source>
        <translation>--val-fraction erwartet einen Anteil zwischen 0 und 1.</translation>
    </message>
    <message>
        <source>--seed takes a whole number, 0 or more.</source>
        <translation>--seed erwartet eine ganze Zahl, 0 oder mehr.</translation>
    </message>
    <message>
        <source>writing %1 of %2 ...</source>
        <translation>schreibe %1 von %2 ...</translation>
    </message>
    <message>
        <source>skipped %1 (item %2): %3</source>
        <translation>%1 übersprungen (Element %2): %3</translation>
    </message>
    <message>
        <source>Wrote %1 files to %2 (%3).</source>
        <translation>%1 Dateien nach %2 geschrieben (%3).</translation>
    </message>
    <message>
        <source>Manifest: %1/%2</source>
        <translation>Manifest: %1/%2</translation>
    </message>
    <message>
        <source>Left out: %1 items kept out of training (near-copies).</source>
        <translation>Ausgelassen: %1 vom Training ausgeschlossene Elemente (Beinahe-Kopien).</translation>
    </message>
    <message>
        <source>%1 files could not be read and were skipped.</source>
        <translation>%1 Dateien konnten nicht gelesen werden und wurden übersprungen.</translation>
    </message>
    <message>
        <source>Write a run&apos;s fine-tuned model, or with --model a pretrained one: tfjs gives a TF.js Layers model (model.json + weights) that tf.loadLayersModel and nsfwjs load; native gives a LibTorch archive; onnx gives one ONNX file (opset 10, input NCHW RGB 0-1, preprocessing and class names in its metadata) that ONNX Runtime and OpenCV&apos;s DNN module load.</source>
        <translation>Das feinabgestimmte Modell eines Trainings schreiben oder mit --model ein vortrainiertes: tfjs ergibt ein TF.js-Layers-Modell (model.json + Gewichte), das tf.loadLayersModel und nsfwjs laden können; native ergibt ein LibTorch-Archiv; onnx ergibt eine einzelne ONNX-Datei (Opset 10, Eingabe NCHW RGB 0-1, Vorverarbeitung und Klassennamen in ihren Metadaten), die ONNX Runtime und das DNN-Modul von OpenCV laden können.</translation>
    </message>
    <message>
        <source>Export this model folder (model.json + shards; &quot;pretrained&quot;: the installed mobilenet_v2) instead of a project&apos;s run.</source>
        <translation>Diesen Modellordner exportieren (model.json + Shards; „pretrained“: das installierte mobilenet_v2) statt eines Trainings eines Projekts.</translation>
    </message>
    <message>
        <source>tfjs (default), native or onnx.</source>
        <translation>tfjs (Standard), native oder onnx.</translation>
    </message>
    <message>
        <source>Output folder (tfjs, native): new, empty, or one this tool exported before (with --force). Output file (onnx): new, or one this tool exported before (with --force).</source>
        <translation>Ausgabeordner (tfjs, native): neu, leer oder einer, in den dieses Werkzeug zuvor exportiert hat (mit --force). Ausgabedatei (onnx): neu oder eine, die dieses Werkzeug zuvor exportiert hat (mit --force).</translation>
    </message>
    <message>
        <source>Replace a model this tool wrote before (never any other folder or file).</source>
        <translation>Ein Modell ersetzen, das dieses Werkzeug zuvor geschrieben hat (nie einen anderen Ordner und keine andere Datei).</translation>
    </message>
    <message>
        <source>export-model takes one project (or --model DIR) and --out PATH.</source>
        <translation>export-model erwartet ein Projekt (oder --model DIR) und --out PATH.</translation>
    </message>
    <message>
        <source>--run picks a project&apos;s run; it does not go with --model.</source>
        <translation>--run wählt ein Training eines Projekts; es lässt sich nicht mit --model kombinieren.</translation>
    </message>
    <message>
        <source>--format must be tfjs, native or onnx.</source>
        <translation>--format muss tfjs, native oder onnx sein.</translation>
    </message>
    <message>
        <source>undefined (one category only)</source>
        <translation>undefiniert (nur eine Kategorie)</translation>
    </message>
    <message>
        <source>Annotators: %1 (%2)</source>
        <translation>Annotatoren: %1 (%2)</translation>
    </message>
    <message>
        <source>Items labeled: %1; labeled by two annotators or more (the overlap): %2</source>
        <translation>Gelabelte Elemente: %1; von zwei oder mehr Annotatoren gelabelt (die Überschneidung): %2</translation>
    </message>
    <message>
        <source>No item has labels of two annotators: there is no agreement to measure yet.</source>
        <translation>Kein Element hat Labels von zwei Annotatoren: Es gibt noch keine Übereinstimmung zu messen.</translation>
    </message>
    <message>
        <source>Percent agreement: %1 (all annotators of an item agree on %2 of the items)</source>
        <translation>Prozentuale Übereinstimmung: %1 (bei %2 der Elemente sind sich alle Annotatoren eines Elements einig)</translation>
    </message>
    <message>
        <source>Fleiss&apos; kappa: %1 (the %2 items with %3 annotators each)</source>
        <translation>Fleiss&apos; Kappa: %1 (die %2 Elemente mit je %3 Annotatoren)</translation>
    </message>
    <message>
        <source>Krippendorff&apos;s alpha (nominal): %1</source>
        <translation>Krippendorffs Alpha (nominal): %1</translation>
    </message>
    <message>
        <source>pair</source>
        <translation>Paar</translation>
    </message>
    <message>
        <source>items</source>
        <translation>Elemente</translation>
    </message>
    <message>
        <source>agreement</source>
        <translation>Übereinstimmung</translation>
    </message>
    <message>
        <source>Cohen&apos;s kappa</source>
        <translation>Cohens Kappa</translation>
    </message>
    <message>
        <source>undefined</source>
        <translation>undefiniert</translation>
    </message>
    <message>
        <source>annotator</source>
        <translation>Annotator</translation>
    </message>
    <message>
        <source>labeled</source>
        <translation>gelabelt</translation>
    </message>
    <message>
        <source>overlap</source>
        <translation>Überschneidung</translation>
    </message>
    <message>
        <source>as reference</source>
        <translation>wie Referenz</translation>
    </message>
    <message>
        <source>labels/hour</source>
        <translation>Labels/Stunde</translation>
    </message>
    <message>
        <source>active hours</source>
        <translation>aktive Stunden</translation>
    </message>
    <message>
        <source>(labels/hour: pauses over %1 minutes end a session; labels from folder names and CSV files are not counted)</source>
        <translation>(Labels/Stunde: Pausen über %1 Minuten beenden eine Sitzung; Labels aus Ordnernamen und CSV-Dateien werden nicht gezählt)</translation>
    </message>
    <message>
        <source>%1 against the reference label on the overlap (rows: %1, columns: reference):</source>
        <translation>%1 gegenüber dem Referenzlabel auf der Überschneidung (Zeilen: %1, Spalten: Referenz):</translation>
    </message>
    <message>
        <source>%1 items without a reference label</source>
        <translation>%1 Elemente ohne Referenzlabel</translation>
    </message>
    <message>
        <source>How well the annotators agree, on the items labeled by two or more of them (each annotator&apos;s latest label; safe, nsfw and unsure are the categories): percent agreement, Cohen&apos;s kappa for every pair, Fleiss&apos; kappa (over the items with the most common number of annotators), Krippendorff&apos;s alpha (nominal); each annotator against the item&apos;s current label (a confusion matrix), and labels per hour.</source>
        <translation>Wie gut die Annotatoren übereinstimmen, gemessen an den Elementen, die zwei oder mehr von ihnen gelabelt haben (das jeweils neueste Label jedes Annotators; safe, nsfw und unsure sind die Kategorien): prozentuale Übereinstimmung, Cohens Kappa für jedes Paar, Fleiss&apos; Kappa (über die Elemente mit der häufigsten Anzahl an Annotatoren), Krippendorffs Alpha (nominal); jeder Annotator gegenüber dem aktuellen Label des Elements (eine Konfusionsmatrix) sowie Labels pro Stunde.</translation>
    </message>
    <message>
        <source>Print one JSON object: {&quot;categories&quot;, &quot;annotators&quot;, &quot;labeledItems&quot;, &quot;overlapItems&quot;, &quot;percentAgreement&quot;, &quot;unanimous&quot;, &quot;fleissKappa&quot;, &quot;fleissItems&quot;, &quot;fleissRaters&quot;, &quot;krippendorffAlpha&quot;, &quot;pairs&quot;: [{&quot;annotators&quot;: [A, B], &quot;items&quot;, &quot;agreement&quot;, &quot;cohenKappa&quot;}], &quot;perAnnotator&quot;: [{&quot;annotator&quot;, &quot;labeled&quot;, &quot;overlap&quot;, &quot;confusion&quot;, &quot;withoutReference&quot;, &quot;agreesWithReference&quot;, &quot;entries&quot;, &quot;sessions&quot;, &quot;activeHours&quot;, &quot;labelsPerHour&quot;}], &quot;sessionGapMinutes&quot;}; an undefined figure is null.</source>
        <translation>Ein JSON-Objekt ausgeben: {&quot;categories&quot;, &quot;annotators&quot;, &quot;labeledItems&quot;, &quot;overlapItems&quot;, &quot;percentAgreement&quot;, &quot;unanimous&quot;, &quot;fleissKappa&quot;, &quot;fleissItems&quot;, &quot;fleissRaters&quot;, &quot;krippendorffAlpha&quot;, &quot;pairs&quot;: [{&quot;annotators&quot;: [A, B], &quot;items&quot;, &quot;agreement&quot;, &quot;cohenKappa&quot;}], &quot;perAnnotator&quot;: [{&quot;annotator&quot;, &quot;labeled&quot;, &quot;overlap&quot;, &quot;confusion&quot;, &quot;withoutReference&quot;, &quot;agreesWithReference&quot;, &quot;entries&quot;, &quot;sessions&quot;, &quot;activeHours&quot;, &quot;labelsPerHour&quot;}], &quot;sessionGapMinutes&quot;}; ein undefinierter Wert ist null.</translation>
    </message>
    <message>
        <source>agreement takes one project.</source>
        <translation>agreement erwartet ein Projekt.</translation>
    </message>
    <message>
        <source>How well the annotators agree: percent agreement, Cohen&apos;s and Fleiss&apos; kappa, Krippendorff&apos;s alpha, each against the reference label, labels per hour.</source>
        <translation>Wie gut die Annotatoren übereinstimmen: prozentuale Übereinstimmung, Cohens und Fleiss&apos; Kappa, Krippendorffs Alpha, jeder gegenüber dem Referenzlabel, Labels pro Stunde.</translation>
    </message>
    <message>
        <source>How video frames are chosen: scenes (default: at most one every --frame-every seconds, plus the first frame after every cut, frames nearly identical to the last one kept skipped) or fixed (one every --frame-every seconds).</source>
        <translation>Wie Bilder aus Videos entnommen werden: scenes (Standard: höchstens eines alle --frame-every Sekunden, dazu das erste Bild nach jedem Schnitt; Bilder, die dem zuletzt behaltenen nahezu gleichen, werden übersprungen) oder fixed (eines alle --frame-every Sekunden).</translation>
    </message>
    <message>
        <source>The video sampling interval in SECONDS, from 0.04 to 3600 (default 1).</source>
        <translation>Der Abstand der aus Videos entnommenen Bilder in Sekunden (SECONDS), von 0.04 bis 3600 (Standard 1).</translation>
    </message>
    <message>
        <source>--sampling must be scenes or fixed.</source>
        <translation>--sampling muss scenes oder fixed sein.</translation>
    </message>
    <message>
        <source>Scores images, videos and animated GIFs with the NSFW model. An image gets one record with path, nsfw (Hentai + Porn + Sexy) and each class probability, or an error. A video or animated GIF gets one record with its sampled frames&apos; times and scores, the segments (runs of frames at or above the threshold, merged across short gaps: start, end, peak) and a verdict for the whole video with the rule that made it (records of videos follow those of images). Folders are walked recursively.</source>
        <translation>Bewertet Bilder, Videos und animierte GIFs mit dem NSFW-Modell. Ein Bild erhält einen Datensatz mit Pfad, nsfw (Hentai + Porn + Sexy) und der Wahrscheinlichkeit jeder Klasse oder einen Fehler. Ein Video oder animiertes GIF erhält einen Datensatz mit den Zeiten und Scores seiner entnommenen Bilder, den Segmenten (Folgen von Bildern mit einem Score ab der Schwelle, über kurze Lücken hinweg zusammengefasst: Beginn, Ende, Spitzenwert) und einem Urteil für das ganze Video samt der Regel, die es ergeben hat (die Datensätze der Videos folgen denen der Bilder). Ordner werden rekursiv durchsucht.</translation>
    </message>
    <message>
        <source>Image or video files, or folders.</source>
        <translation>Bild- oder Videodateien oder Ordner.</translation>
    </message>
    <message>
        <source>Output format: jsonl (default) or csv (a video: one row per segment, or one row with empty start, end and peak when it has none).</source>
        <translation>Ausgabeformat: jsonl (Standard) oder csv (ein Video: eine Zeile pro Segment oder, wenn es keines hat, eine Zeile mit leeren Spalten start, end und peak).</translation>
    </message>
    <message>
        <source>Video frames scored at or above this form segments, and a verdict at or above it flags the video (default 0.5).</source>
        <translation>Videobilder mit einem Score ab diesem Wert bilden Segmente, und ein Urteil ab diesem Wert markiert das Video (Standard 0.5).</translation>
    </message>
    <message>
        <source>How a video&apos;s frame scores become its score: topk-mean (default: the mean score over the k highest-scoring sampling intervals, each frame standing for the time until the next one), max or mean.</source>
        <translation>Wie aus den Scores der Bilder eines Videos sein Score wird: topk-mean (Standard: der mittlere Score über die k Entnahmeintervalle mit den höchsten Scores, wobei jedes Bild für die Zeit bis zum nächsten steht), max oder mean.</translation>
    </message>
    <message>
        <source>k of topk-mean (default 3).</source>
        <translation>k von topk-mean (Standard 3).</translation>
    </message>
    <message>
        <source>Flagged runs of a video at most this many seconds apart are one segment (default 2).</source>
        <translation>Markierte Bildfolgen eines Videos, die höchstens so viele Sekunden auseinanderliegen, bilden ein Segment (Standard 2).</translation>
    </message>
    <message>
        <source>Video frames scored: scenes (default: at most one every --frame-every seconds, plus the first frame after every cut, near-repeats skipped) or fixed (one every --frame-every seconds).</source>
        <translation>Bewertete Videobilder: scenes (Standard: höchstens eines alle --frame-every Sekunden, dazu das erste Bild nach jedem Schnitt, nahezu gleiche Wiederholungen übersprungen) oder fixed (eines alle --frame-every Sekunden).</translation>
    </message>
    <message>
        <source>The sampling interval in seconds, from 0.04 to 3600 (default 1).</source>
        <translation>Der Entnahmeabstand in Sekunden, von 0.04 bis 3600 (Standard 1).</translation>
    </message>
    <message>
        <source>At most N frames per video, spread over all of it (default 10000).</source>
        <translation>Höchstens N Bilder pro Video, über das ganze Video verteilt (Standard 10000).</translation>
    </message>
    <message>
        <source>--threshold must be a number from 0 to 1</source>
        <translation>--threshold muss eine Zahl von 0 bis 1 sein</translation>
    </message>
    <message>
        <source>--verdict must be topk-mean, max or mean</source>
        <translation>--verdict muss topk-mean, max oder mean sein</translation>
    </message>
    <message>
        <source>--top-k must be a whole number from 1 to 10000</source>
        <translation>--top-k muss eine ganze Zahl von 1 bis 10000 sein</translation>
    </message>
    <message>
        <source>--merge-gap must be a number of seconds from 0 to 86400</source>
        <translation>--merge-gap muss eine Anzahl Sekunden von 0 bis 86400 sein</translation>
    </message>
    <message>
        <source>--sampling must be scenes or fixed</source>
        <translation>--sampling muss scenes oder fixed sein</translation>
    </message>
    <message>
        <source>--max-frames must be a whole number from 1 to %1</source>
        <translation>--max-frames muss eine ganze Zahl von 1 bis %1 sein</translation>
    </message>
    <message>
        <source>sampling and scoring %1</source>
        <translation>entnehme und bewerte %1</translation>
    </message>
    <message>
        <source>the features could not be computed or written in %1</source>
        <translation>die Merkmale konnten in %1 nicht berechnet oder geschrieben werden</translation>
    </message>
    <message>
        <source>proxy task: probe ...</source>
        <translation>Proxy-Aufgabe: probe ...</translation>
    </message>
    <message>
        <source>Measure fine-tuning: a full and a partial training step (batch 32) against the same step in PyTorch-Python, a head-only epoch over 10,000 cached items, and AP on a held-out proxy task built from Debian&apos;s clip art (a logistic-regression probe on the frozen features, the pretrained model, head-only, partial and full).</source>
        <translation>Misst die Feinabstimmung: einen vollständigen und einen teilweisen Trainingsschritt (Batch 32) im Vergleich zum selben Schritt in PyTorch-Python, eine Epoche nur des Kopfs über 10.000 zwischengespeicherte Elemente und die AP auf zurückgehaltenen Daten einer Proxy-Aufgabe aus Debians Clipart (eine Probe per logistischer Regression auf den eingefrorenen Merkmalen, das vortrainierte Modell, nur Kopf, teilweise und vollständig).</translation>
    </message>
    <message>
        <source>proxy task on %3 (%1 labeled and %2 held-out images per class):</source>
        <translation>Proxy-Aufgabe mit %3 (%1 gelabelte und %2 zurückgehaltene Bilder pro Klasse):</translation>
    </message>
    <message>
        <source>  probe     : skipped: %1</source>
        <translation>  probe     : übersprungen: %1</translation>
    </message>
    <message>
        <source>  probe     : held-out AP %1 (logistic regression on the frozen features, C %2 by 5-fold cross-validated AP), %3 s</source>
        <translation>  probe     : AP auf zurückgehaltenen Daten %1 (logistische Regression auf den eingefrorenen Merkmalen, C %2 nach 5-fach kreuzvalidierter AP), %3 s</translation>
    </message>
    <message>
        <source>  %1 with %2: held-out AP %3 (validation AP %4), %5 s</source>
        <translation>  %1 mit %2: AP auf zurückgehaltenen Daten %3 (Validierungs-AP %4), %5 s</translation>
    </message>
    <message>
        <source>Score a project&apos;s images with a run&apos;s model, sharing the work with workers on other machines; stops when nothing is left.</source>
        <translation>Die Bilder eines Projekts mit dem Modell eines Trainings bewerten und die Arbeit mit Workern auf anderen Rechnern teilen; endet, wenn nichts mehr übrig ist.</translation>
    </message>
    <message>
        <source>With --schedule cosine: the share of the steps the rate rises from 0 (default 0.1).</source>
        <translation>Mit --schedule cosine: der Anteil der Schritte, in denen die Rate von 0 aus ansteigt (Standard 0.1).</translation>
    </message>
    <message>
        <source>Partial and full: each block down the backbone learns at this times the rate of the block above (the model profile&apos;s blocks; default 1: one rate).</source>
        <translation>partial und full: Jeder Block weiter unten im Backbone lernt mit der Rate des darüberliegenden Blocks mal diesem Faktor (die Blöcke des Modellprofils; Standard 1: eine einzige Rate).</translation>
    </message>
    <message>
        <source>Train towards y (1 - E) + E / 2 instead of 0 and 1 (default 0).</source>
        <translation>Auf y (1 - E) + E / 2 statt auf 0 und 1 hin trainieren (Standard 0).</translation>
    </message>
    <message>
        <source>videos as units: %1</source>
        <translation>Videos als Einheiten: %1</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The project: a postgresql:// URL or a file.</source>
        <translation>Das Projekt: eine postgresql://-URL oder eine Datei.</translation>
    </message>
    <message>
        <source>The run whose model scores (default: the latest finished one).</source>
        <translation>Das Training, dessen Modell bewertet (Standard: das zuletzt beendete).</translation>
    </message>
    <message>
        <source>The run&apos;s model folder, when this machine is not the one that trained it: a copy of the folder runs/N/model in that machine&apos;s cache of the project.</source>
        <translation>Der Modellordner des Trainings, wenn nicht auf diesem Rechner trainiert wurde: eine Kopie des Ordners runs/N/model aus dem Cache des Projekts auf jenem Rechner.</translation>
    </message>
    <message>
        <source>Images per chunk when queueing (default 64).</source>
        <translation>Bilder pro Chunk beim Einreihen in die Warteschlange (Standard 64).</translation>
    </message>
    <message>
        <source>Seconds a claimed chunk stays this worker&apos;s without news from it, before another worker may take it over (default 60).</source>
        <translation>Sekunden, die ein beanspruchter Chunk ohne Lebenszeichen dieses Workers bei ihm bleibt, bevor ein anderer Worker ihn übernehmen darf (Standard 60).</translation>
    </message>
    <message>
        <source>This worker&apos;s name in the queue (default: host:process id).</source>
        <translation>Der Name dieses Workers in der Warteschlange (Standard: Rechnername:Prozess-ID).</translation>
    </message>
    <message>
        <source>worker takes one project.</source>
        <translation>worker erwartet ein Projekt.</translation>
    </message>
    <message>
        <source>--chunk must be a whole number from 1 to 100000</source>
        <translation>--chunk muss eine ganze Zahl von 1 bis 100000 sein</translation>
    </message>
    <message>
        <source>--lease must be a number of seconds from 1 to 86400</source>
        <translation>--lease muss eine Anzahl Sekunden von 1 bis 86400 sein</translation>
    </message>
    <message>
        <source>%1 holds no model (no model.json).</source>
        <translation>%1 enthält kein Modell (keine model.json).</translation>
    </message>
    <message>
        <source>Run %1&apos;s model is not on this machine (%2): give a copy of it with --model DIR.</source>
        <translation>Das Modell von Training %1 ist nicht auf diesem Rechner (%2): Geben Sie mit --model DIR eine Kopie davon an.</translation>
    </message>
    <message>
        <source>%1 is another model than run %2&apos;s (%3).</source>
        <translation>%1 ist ein anderes Modell als das von Training %2 (%3).</translation>
    </message>
    <message>
        <source>Cannot queue the work: %1</source>
        <translation>Die Arbeit kann nicht in die Warteschlange gestellt werden: %1</translation>
    </message>
    <message>
        <source>Cannot claim work: %1</source>
        <translation>Es kann keine Arbeit beansprucht werden: %1</translation>
    </message>
    <message>
        <source>Chunk %1 is to be scored with another model than %2; its lease runs out and a worker with run %3&apos;s model takes it.</source>
        <translation>Chunk %1 ist mit einem anderen Modell als %2 zu bewerten; seine Reservierung läuft ab, und ein Worker mit dem Modell von Training %3 übernimmt ihn.</translation>
    </message>
    <message>
        <source>Cannot read the queue: %1</source>
        <translation>Die Warteschlange kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>proxy task: %1, seed %2 ...</source>
        <translation>Proxy-Aufgabe: %1, Seed %2 ...</translation>
    </message>
    <message>
        <source>Train each mode with seeds 1 to N and give the mean held-out AP (default 1).</source>
        <translation>Jeden Modus mit den Seeds 1 bis N trainieren und die mittlere AP auf zurückgehaltenen Daten ausgeben (Standard 1).</translation>
    </message>
    <message>
        <source>Only this recipe of --recipes (repeatable), e.g. &quot;head first off&quot;.</source>
        <translation>Nur dieses Rezept aus --recipes (wiederholbar), z. B. „head first off“.</translation>
    </message>
    <message>
        <source>              chose %1</source>
        <translation>              gewählt: %1</translation>
    </message>
    <message>
        <source>  (held-out and validation AP: the mean over seeds 1-%1, each seed&apos;s in brackets; time: the median)</source>
        <translation>  (AP auf zurückgehaltenen Daten und Validierungs-AP: Mittelwert über die Seeds 1-%1, die Werte der einzelnen Seeds in Klammern; Zeit: Median)</translation>
    </message>
    <message>
        <source>Auto mode (budget %1 min) tried, by %2:</source>
        <translation>Modus auto (Budget %1 min) hat ausprobiert (Maß: %2):</translation>
    </message>
    <message>
        <source>pooled out-of-fold AP</source>
        <translation>gepoolte Out-of-Fold-AP</translation>
    </message>
    <message>
        <source>validation AP</source>
        <translation>Validierungs-AP</translation>
    </message>
    <message>
        <source>  %1: not tried, the budget&apos;s half for trying was spent</source>
        <translation>  %1: nicht ausprobiert, die Hälfte des Budgets für das Ausprobieren war aufgebraucht</translation>
    </message>
    <message>
        <source>  %1: AP %2 at epoch %3, %4 s%5%6</source>
        <translation>  %1: AP %2 in Epoche %3, %4 s%5%6</translation>
    </message>
    <message>
        <source> (stopped by the budget)</source>
        <translation> (vom Budget gestoppt)</translation>
    </message>
    <message>
        <source>  chose %1</source>
        <translation>  gewählt: %1</translation>
    </message>
    <message>
        <source>head (backbone frozen, features cached), partial (last K blocks), full, auto (tries head, partial and full within --budget and trains the best by validation AP), or pretrained (evaluate and score only). Default: head.</source>
        <translation>head (Backbone eingefroren, Merkmale zwischengespeichert), partial (letzte K Blöcke), full, auto (probiert head, partial und full innerhalb von --budget aus und trainiert den besten nach Validierungs-AP) oder pretrained (nur auswerten und bewerten). Standard: head.</translation>
    </message>
    <message>
        <source>Partial and full: the head first trains alone this many epochs on the pretrained backbone&apos;s features, then the blocks train under it (default %1; 0: off).</source>
        <translation>partial und full: Der Kopf trainiert zuerst so viele Epochen allein auf den Merkmalen des vortrainierten Backbones, danach trainieren die Blöcke darunter mit (Standard %1; 0: aus).</translation>
    </message>
    <message>
        <source>Auto mode: minutes the whole run may take; half goes to trying candidates (default %1).</source>
        <translation>Modus auto: Minuten, die das gesamte Training dauern darf; die Hälfte davon geht in das Ausprobieren der Kandidaten (Standard %1).</translation>
    </message>
    <message>
        <source>Unknown mode: %1 (head, partial, full, auto, pretrained)</source>
        <translation>Unbekannter Modus: %1 (head, partial, full, auto, pretrained)</translation>
    </message>
    <message>
        <source>--head-epochs takes a number of epochs (0: off), not %1</source>
        <translation>--head-epochs erwartet eine Anzahl Epochen (0: aus), nicht %1</translation>
    </message>
    <message>
        <source>--budget takes minutes, not %1</source>
        <translation>--budget erwartet Minuten, nicht %1</translation>
    </message>
    <message>
        <source>The members of a server project and their roles (annotator, reviewer, admin): list, add-member, remove-member.</source>
        <translation>Die Mitglieder eines Server-Projekts und ihre Rollen (annotator, reviewer, admin): list, add-member, remove-member.</translation>
    </message>
    <message>
        <source>Labels in %1 are recorded under your login, %2: --annotator %3 is not allowed.</source>
        <translation>Labels in %1 werden unter Ihrem Login %2 erfasst: --annotator %3 ist nicht erlaubt.</translation>
    </message>
    <message>
        <source>Cannot read the password file %1: %2</source>
        <translation>Die Passwortdatei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The password file %1 is empty.</source>
        <translation>Die Passwortdatei %1 ist leer.</translation>
    </message>
    <message>
        <source>Password for the new login %1 (empty for none): </source>
        <translation>Passwort für den neuen Login %1 (leer für keines): </translation>
    </message>
    <message>
        <source>The same password again: </source>
        <translation>Dasselbe Passwort noch einmal: </translation>
    </message>
    <message>
        <source>The two passwords differ; nothing was changed.</source>
        <translation>Die beiden Passwörter stimmen nicht überein; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>(no members yet: `nsfw-workbench team PROJECT add-member NAME --role annotator`)</source>
        <translation>(noch keine Mitglieder: `nsfw-workbench team PROJECT add-member NAME --role annotator`)</translation>
    </message>
    <message>
        <source>The member&apos;s login.</source>
        <translation>Der Login des Mitglieds.</translation>
    </message>
    <message>
        <source>add-member: annotator, reviewer or admin.</source>
        <translation>add-member: annotator, reviewer oder admin.</translation>
    </message>
    <message>
        <source>add-member: the new login&apos;s password, the first line of FILE.</source>
        <translation>add-member: das Passwort des neuen Logins, die erste Zeile von FILE.</translation>
    </message>
    <message>
        <source>list: print {&quot;project&quot;, &quot;rolesSetUp&quot;, &quot;members&quot;: [{&quot;name&quot;, &quot;role&quot;}]}, the owner first (role &quot;owner&quot;).</source>
        <translation>list: {&quot;project&quot;, &quot;rolesSetUp&quot;, &quot;members&quot;: [{&quot;name&quot;, &quot;role&quot;}]} ausgeben, der Eigentümer zuerst (Rolle &quot;owner&quot;).</translation>
    </message>
    <message>
        <source>Usage: team PROJECT list | add-member NAME --role ROLE | remove-member NAME</source>
        <translation>Aufruf: team PROJECT list | add-member NAME --role ROLE | remove-member NAME</translation>
    </message>
    <message>
        <source>add-member needs --role annotator, reviewer or admin.</source>
        <translation>add-member erwartet --role annotator, reviewer oder admin.</translation>
    </message>
    <message>
        <source>%1 is no longer a member of %2.</source>
        <translation>%1 ist kein Mitglied von %2 mehr.</translation>
    </message>
    <message>
        <source>%1 is an existing login: its password is left as it is (--password-file not used).</source>
        <translation>%1 ist ein bestehender Login: Sein Passwort bleibt unverändert (--password-file nicht verwendet).</translation>
    </message>
    <message>
        <source>%1 is a member of %2 with the role %3.</source>
        <translation>%1 ist Mitglied von %2 mit der Rolle %3.</translation>
    </message>
    <message>
        <source>Measure inference speed (or: benchmark store, train, memory, load, audit, duplicates, grouping, predict).</source>
        <translation>Inferenzgeschwindigkeit messen (oder: benchmark store, train, memory, load, audit, duplicates, grouping, predict).</translation>
    </message>
    <message>
        <source>Unknown benchmark suite: %1 (inference, store, train, memory, load, audit, duplicates, grouping, predict)</source>
        <translation>Unbekannte Benchmark-Suite: %1 (inference, store, train, memory, load, audit, duplicates, grouping, predict)</translation>
    </message>
    <message>
        <source>Decode big JPEGs at 1/2, 1/4 or 1/8 scale (never below the model&apos;s input size): faster, but the scores move slightly from nsfwjs&apos;s. A run trained with --fast-decode uses it with --project by itself.</source>
        <translation>Große JPEGs in 1/2, 1/4 oder 1/8 der Größe dekodieren (nie kleiner als die Eingabegröße des Modells): schneller, aber die Scores weichen leicht von denen von nsfwjs ab. Ein mit --fast-decode trainierter Lauf verwendet es mit --project von selbst.</translation>
    </message>
    <message>
        <source>Cannot write a test video: OpenCV&apos;s FFmpeg has no MPEG-4 encoder.</source>
        <translation>Es kann kein Testvideo geschrieben werden: OpenCVs FFmpeg hat keinen MPEG-4-Encoder.</translation>
    </message>
    <message>
        <source>video (key frame every %1): %2 every %3 s%4: %5 video frames/s, %6 scored frames/s (%7 scored, %8 decoded)</source>
        <translation>Video (Schlüsselbild alle %1): %2 alle %3 s%4: %5 Videobilder/s, %6 bewertete Bilder/s (%7 bewertet, %8 dekodiert)</translation>
    </message>
    <message>
        <source>video (key frame every %1): PyTorch-Python peer (PyAV, every frame decoded), every %2 s: %3 video frames/s, %4 scored frames/s</source>
        <translation>Video (Schlüsselbild alle %1): PyTorch-Python-Vergleich (PyAV, jedes Bild dekodiert), alle %2 s: %3 Videobilder/s, %4 bewertete Bilder/s</translation>
    </message>
    <message>
        <source>PyTorch-Python video peer skipped: %1</source>
        <translation>PyTorch-Python-Videovergleich übersprungen: %1</translation>
    </message>
    <message>
        <source>Decode big JPEGs at reduced scale, for training and for scoring with the run&apos;s model (as predict --fast-decode): faster, but the pictures are not nsfwjs&apos;s.</source>
        <translation>Große JPEGs in verkleinertem Maßstab dekodieren, für das Training und für das Bewerten mit dem Modell des Laufs (wie predict --fast-decode): schneller, aber die Bilder sind nicht die von nsfwjs.</translation>
    </message>
    <message>
        <source>Give a folder, or install plasma-workspace-wallpapers and openclipart-png for the default mix.</source>
        <translation>Geben Sie einen Ordner an, oder installieren Sie plasma-workspace-wallpapers und openclipart-png für die Standardmischung.</translation>
    </message>
    <message>
        <source>Measures scoring a folder end to end as predict does it (walk, decode, preprocess, network, records): images/s, the median over repeats, and the same for torchvision&apos;s MobileNetV2 in PyTorch-Python with PIL decoding on a thread pool (packaging/bench/pil_predict_folder.py) over the same files, and their ratio. Without DIR: Debian&apos;s wallpapers spread among its clip art.</source>
        <translation>Misst das Bewerten eines Ordners von Anfang bis Ende, wie predict es tut (Durchlauf, Dekodieren, Vorverarbeitung, Netz, Ausgabe): Bilder/s, der Median über die Wiederholungen, und dasselbe für MobileNetV2 von torchvision in PyTorch-Python mit PIL-Dekodierung in einem Thread-Pool (packaging/bench/pil_predict_folder.py) über dieselben Dateien, und ihr Verhältnis. Ohne DIR: Debians Hintergrundbilder verteilt unter seinen Cliparts.</translation>
    </message>
    <message>
        <source>Folder of pictures (default: Debian&apos;s, mixed).</source>
        <translation>Ordner mit Bildern (Standard: Debians, gemischt).</translation>
    </message>
    <message>
        <source>At most N files, spread over the folder (default 400).</source>
        <translation>Höchstens N Dateien, über den Ordner verteilt (Standard 400).</translation>
    </message>
    <message>
        <source>Timed passes on each side (default 3).</source>
        <translation>Gemessene Durchläufe auf jeder Seite (Standard 3).</translation>
    </message>
    <message>
        <source>Torch threads of the network (default: predict&apos;s budget, half the cores).</source>
        <translation>Torch-Threads des Netzes (Standard: das Budget von predict, die Hälfte der Kerne).</translation>
    </message>
    <message>
        <source>Decode workers (default: predict&apos;s).</source>
        <translation>Dekodier-Worker (Standard: wie predict).</translation>
    </message>
    <message>
        <source>OpenCV threads (default 1, as predict; 0 = OpenCV&apos;s own default).</source>
        <translation>OpenCV-Threads (Standard 1, wie predict; 0 = OpenCVs eigener Standard).</translation>
    </message>
    <message>
        <source>Also measure predict --fast-decode, and how far its scores move.</source>
        <translation>Auch predict --fast-decode messen, und wie weit sich seine Scores verschieben.</translation>
    </message>
    <message>
        <source>Also measure video frames/s on a video the benchmark writes.</source>
        <translation>Auch Videobilder/s an einem Video messen, das der Benchmark schreibt.</translation>
    </message>
    <message>
        <source>Skip the PyTorch-Python peer.</source>
        <translation>Den PyTorch-Python-Vergleich auslassen.</translation>
    </message>
    <message>
        <source>%1 is no folder.</source>
        <translation>%1 ist kein Ordner.</translation>
    </message>
    <message>
        <source>nsfw-workbench predict: %1 img/s end to end (median of %2; %3 files, %4 scored)</source>
        <translation>nsfw-workbench predict: %1 Bilder/s von Anfang bis Ende (Median aus %2; %3 Dateien, %4 bewertet)</translation>
    </message>
    <message>
        <source>predict --fast-decode: %1 img/s (%2x); scores moved by at most %3 (p(nsfw) %4)</source>
        <translation>predict --fast-decode: %1 Bilder/s (%2x); Scores um höchstens %3 verschoben (p(nsfw) %4)</translation>
    </message>
    <message>
        <source>Measuring the PyTorch-Python peer (PIL, ThreadPoolExecutor, torchvision mobilenet_v2)...</source>
        <translation>Der PyTorch-Python-Vergleich wird gemessen (PIL, ThreadPoolExecutor, torchvision mobilenet_v2)...</translation>
    </message>
    <message>
        <source>PyTorch-Python peer: %1 img/s end to end (median of %2)
ratio: %3x</source>
        <translation>PyTorch-Python-Vergleich: %1 Bilder/s von Anfang bis Ende (Median aus %2)
Verhältnis: %3x</translation>
    </message>
    <message>
        <source>PyTorch-Python peer skipped: %1</source>
        <translation>PyTorch-Python-Vergleich übersprungen: %1</translation>
    </message>
    <message>
        <source>Unknown label rule: %1 (latest or consensus)</source>
        <translation>Unbekannte Label-Regel: %1 (latest oder consensus)</translation>
    </message>
    <message>
        <source>%1 now trains on the adjudicated label of an item, else the label all its annotators give; items they disagree on wait for a reviewer (team PROJECT review).</source>
        <translation>%1 trainiert jetzt auf dem entschiedenen Label eines Elements, sonst auf dem Label, das alle seine Annotatoren vergeben; Elemente, bei denen sie uneins sind, warten auf einen Prüfer (team PROJECT review).</translation>
    </message>
    <message>
        <source>%1 now trains on the latest label of each item, whoever gave it.</source>
        <translation>%1 trainiert jetzt auf dem neuesten Label jedes Elements, wer es auch vergeben hat.</translation>
    </message>
    <message>
        <source>Name the annotators: --annotators NAME,NAME,... (a server project&apos;s annotators are the default).</source>
        <translation>Nennen Sie die Annotatoren: --annotators NAME,NAME,... (Standard sind die Annotatoren eines Serverprojekts).</translation>
    </message>
    <message>
        <source>Assigned %1 items, %2 of them to two annotators.</source>
        <translation>%1 Elemente zugeteilt, %2 davon zwei Annotatoren.</translation>
    </message>
    <message>
        <source>The label rule is now consensus: an item two annotators label trains on the label both give, or waits for a reviewer.</source>
        <translation>Die Label-Regel ist jetzt consensus: Ein Element, das zwei Annotatoren labeln, trainiert mit dem Label, das beide vergeben, oder wartet auf einen Prüfer.</translation>
    </message>
    <message>
        <source>%1 %2 items, %3 labeled</source>
        <translation>%1 %2 Elemente, %3 gelabelt</translation>
    </message>
    <message>
        <source>No queues yet: team PROJECT assign --annotators NAME,NAME [--overlap 0.1]</source>
        <translation>Noch keine Warteschlangen: team PROJECT assign --annotators NAME,NAME [--overlap 0.1]</translation>
    </message>
    <message>
        <source>No disagreements wait for a reviewer.</source>
        <translation>Keine Uneinigkeiten warten auf einen Prüfer.</translation>
    </message>
    <message>
        <source>%1 items wait for a reviewer: nsfw-workbench label PROJECT LABEL ID... --adjudicate</source>
        <translation>%1 Elemente warten auf einen Prüfer: nsfw-workbench label PROJECT LABEL ID... --adjudicate</translation>
    </message>
    <message>
        <source>(The label rule is latest: these items train on their latest label until the rule is consensus.)</source>
        <translation>(Die Label-Regel ist latest: Diese Elemente trainieren mit ihrem neuesten Label, bis die Regel consensus ist.)</translation>
    </message>
    <message>
        <source>The members of a server project and their roles. A member is a PostgreSQL login; the server itself holds them to their role, whatever program they use: an annotator reads and adds labels under their own login; a reviewer also adjudicates; an admin also imports, trains and adds or removes annotators and reviewers. Only the project&apos;s owner or an admin manages members (only the owner makes admins).
  team PROJECT list [--json]
  team PROJECT add-member NAME --role annotator|reviewer|admin [--password-file FILE]
  team PROJECT remove-member NAME
A new login&apos;s password comes from --password-file (its first line), the environment variable %1, or is typed at the terminal; an existing login keeps its own.
Labelling as a team, on a file or a server project:
  team PROJECT rule [latest|consensus]: show or set which label of an item training uses: the latest (the default), or the adjudicated one, else the one all its annotators give (disagreements wait for a reviewer)
  team PROJECT assign [--annotators NAME,...] [--overlap F] [--seed S]: deal the items in nobody&apos;s queue to the annotators, a share F of them to two
  team PROJECT queue [NAME] [--all] [--json]: the queues, or the items NAME has still to label
  team PROJECT review [--json]: the items whose annotators disagree, for a reviewer (label PROJECT LABEL ID... --adjudicate settles them)</source>
        <translation>Die Mitglieder eines Serverprojekts und ihre Rollen. Ein Mitglied ist ein PostgreSQL-Login; der Server selbst hält es an seine Rolle, welches Programm es auch benutzt: Ein Annotator liest und fügt Labels unter seinem eigenen Login hinzu; ein Prüfer entscheidet außerdem; ein Admin importiert außerdem, trainiert und fügt Annotatoren und Prüfer hinzu oder entfernt sie. Nur der Eigentümer des Projekts oder ein Admin verwaltet Mitglieder (nur der Eigentümer ernennt Admins).
  team PROJECT list [--json]
  team PROJECT add-member NAME --role annotator|reviewer|admin [--password-file FILE]
  team PROJECT remove-member NAME
Das Passwort eines neuen Logins kommt aus --password-file (dessen erster Zeile), der Umgebungsvariablen %1 oder wird am Terminal eingegeben; ein bestehendes Login behält sein eigenes.
Labeln im Team, in einer Datei oder einem Serverprojekt:
  team PROJECT rule [latest|consensus]: zeigt oder setzt, welches Label eines Elements das Training verwendet: das neueste (Standard) oder das entschiedene, sonst das, das alle seine Annotatoren vergeben (Uneinigkeiten warten auf einen Prüfer)
  team PROJECT assign [--annotators NAME,...] [--overlap F] [--seed S]: verteilt die Elemente, die in keiner Warteschlange sind, an die Annotatoren, einen Anteil F davon an zwei
  team PROJECT queue [NAME] [--all] [--json]: die Warteschlangen, oder die Elemente, die NAME noch labeln muss
  team PROJECT review [--json]: die Elemente, bei denen die Annotatoren uneins sind, für einen Prüfer (label PROJECT LABEL ID... --adjudicate entscheidet sie)</translation>
    </message>
    <message>
        <source>The project: a postgresql:// URL (rule, assign, queue and review: a file too).</source>
        <translation>Das Projekt: eine postgresql://-URL (rule, assign, queue und review: auch eine Datei).</translation>
    </message>
    <message>
        <source>list, add-member, remove-member, rule, assign, queue or review.</source>
        <translation>list, add-member, remove-member, rule, assign, queue oder review.</translation>
    </message>
    <message>
        <source>assign: the annotators, separated by commas (default: a server project&apos;s annotators).</source>
        <translation>assign: die Annotatoren, durch Kommas getrennt (Standard: die Annotatoren eines Serverprojekts).</translation>
    </message>
    <message>
        <source>assign: the share of items given to two annotators, 0 to 1 (default: the share given last, else 0).</source>
        <translation>assign: der Anteil der Elemente, die zwei Annotatoren erhalten, 0 bis 1 (Standard: der zuletzt angegebene Anteil, sonst 0).</translation>
    </message>
    <message>
        <source>assign: the seed of the order items are dealt in.</source>
        <translation>assign: der Seed der Reihenfolge, in der Elemente verteilt werden.</translation>
    </message>
    <message>
        <source>queue NAME: the items they labelled too.</source>
        <translation>queue NAME: auch die Elemente, die die Person schon gelabelt hat.</translation>
    </message>
    <message>
        <source>Usage: team PROJECT rule [latest|consensus] | assign [--annotators NAMES] [--overlap F] | queue [NAME] | review</source>
        <translation>Aufruf: team PROJECT rule [latest|consensus] | assign [--annotators NAMES] [--overlap F] | queue [NAME] | review</translation>
    </message>
    <message>
        <source>--overlap takes a share from 0 to 1, not %1</source>
        <translation>--overlap nimmt einen Anteil von 0 bis 1, nicht %1</translation>
    </message>
    <message>
        <source>Record the label as an adjudication (a reviewer&apos;s or admin&apos;s decision): under the consensus rule it is the item&apos;s label whatever the annotators said (see team PROJECT rule); none withdraws it.</source>
        <translation>Das Label als Entscheidung festhalten (die eines Prüfers oder Admins): Unter der Regel consensus ist es das Label des Elements, was auch immer die Annotatoren sagten (siehe team PROJECT rule); none zieht sie zurück.</translation>
    </message>
    <message>
        <source>chunk %1: another worker took it over after this one&apos;s lease ran out; its results are theirs</source>
        <translation>Teil %1: Ein anderer Worker hat ihn übernommen, nachdem die Frist dieses Workers abgelaufen war; seine Ergebnisse gelten</translation>
    </message>
    <message>
        <source>Cannot write the results of chunk %1: %2</source>
        <translation>Die Ergebnisse von Teil %1 können nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>With --features: decode big JPEGs at reduced scale, for runs trained with --fast-decode.</source>
        <translation>Mit --features: große JPEGs in reduzierter Größe dekodieren, für Läufe, die mit --fast-decode trainiert werden.</translation>
    </message>
    <message>
        <source>--features computes the model&apos;s features, not a run&apos;s scores: give one of --features and --run.</source>
        <translation>--features berechnet die Merkmale des Modells, nicht die Scores eines Laufs: Geben Sie entweder --features oder --run an.</translation>
    </message>
    <message>
        <source>--fast-decode goes with --features (a run&apos;s scores decode as the run was trained).</source>
        <translation>--fast-decode gehört zu --features (die Scores eines Laufs dekodieren so, wie der Lauf trainiert wurde).</translation>
    </message>
    <message>
        <source>%1: claimed chunk %2 (%3 %4)</source>
        <translation>%1: Teil %2 beansprucht (%3 %4)</translation>
    </message>
    <message>
        <source>%1: took over chunk %2 (%3 %4) from %5, whose lease ran out</source>
        <translation>%1: Teil %2 (%3 %4) von %5 übernommen, dessen Frist abgelaufen war</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)&apos; backbone features came from the project&apos;s workers (worker --features).</source>
        <translation>
            <numerusform>Die Backbone-Merkmale von %n Element kamen von den Workern des Projekts (worker --features).</numerusform>
            <numerusform>Die Backbone-Merkmale von %n Elementen kamen von den Workern des Projekts (worker --features).</numerusform>
        </translation>
    </message>
    <message>
        <source>Compute the backbone features of the project&apos;s images and video frames with a model (--model, default: the pretrained one) instead of a run&apos;s scores, and write them to the project: training on any machine reads them there instead of computing them (head mode, and the head-first step).</source>
        <translation>Statt der Scores eines Laufs die Backbone-Merkmale der Bilder und Videobilder des Projekts mit einem Modell berechnen (--model, Standard: das vortrainierte) und ins Projekt schreiben: Das Training liest sie dort auf jedem Rechner, statt sie zu berechnen (Head-Modus und der Head-zuerst-Schritt).</translation>
    </message>
    <message>
        <source>%1: queued %2 chunk(s) of items whose features to compute with %3</source>
        <translation>%1: %2 Teil(e) mit Elementen eingereiht, deren Merkmale mit %3 zu berechnen sind</translation>
    </message>
    <message>
        <source>%1: computed the features of %2 item(s) in %3 chunk(s); model %4: %5 chunk(s) done, %6 item(s) with features from workers, %7 unreadable</source>
        <translation>%1: Merkmale von %2 Element(en) in %3 Teil(en) berechnet; Modell %4: %5 Teil(e) erledigt, %6 Element(e) mit Merkmalen von Workern, %7 unlesbar</translation>
    </message>
    <message>
        <source>%1: queued %2 chunk(s) of run %3&apos;s items to score</source>
        <translation>%1: %2 Teil(e) mit zu bewertenden Elementen von Lauf %3 eingereiht</translation>
    </message>
    <message>
        <source>%1: scored %2 item(s) in %3 chunk(s); run %4: %5 chunk(s) done, %6 item(s) scored, %7 unreadable</source>
        <translation>%1: %2 Element(e) in %3 Teil(en) bewertet; Lauf %4: %5 Teil(e) erledigt, %6 Element(e) bewertet, %7 unlesbar</translation>
    </message>
    <message>
        <source>Scores the project&apos;s images and video frames with a run&apos;s model, sharing the work with the other workers of the project: on this machine or on any machine that reaches the same server and the media (see: media-root). The first worker queues the items that have no score for the run yet, in chunks; each worker claims a chunk at a time under a lease it renews while it scores, and writes the scores where the window, the gallery&apos;s filters and sorts, and every other command read them. A chunk whose worker died is taken over when its lease runs out. A worker stops when every chunk is done. The scores equal predict --project&apos;s. Video frames are scored as a run scores them (a video&apos;s own verdict is not recomputed). With --features it computes the backbone features of the items instead, for training on any machine to read (see: train).</source>
        <translation>Bewertet die Bilder und Videobilder des Projekts mit dem Modell eines Laufs und teilt die Arbeit mit den anderen Workern des Projekts: auf diesem Rechner oder auf jedem Rechner, der denselben Server und die Medien erreicht (siehe: media-root). Der erste Worker reiht die Elemente, die für den Lauf noch keinen Score haben, in Teilen ein; jeder Worker beansprucht jeweils einen Teil mit einer Frist, die er während des Bewertens verlängert, und schreibt die Scores dorthin, wo das Fenster, die Filter und Sortierungen der Galerie und jeder andere Befehl sie lesen. Ein Teil, dessen Worker gestorben ist, wird übernommen, wenn seine Frist abläuft. Ein Worker hört auf, wenn alle Teile erledigt sind. Die Scores sind die von predict --project. Videobilder werden bewertet, wie ein Lauf sie bewertet (das Urteil über ein Video selbst wird nicht neu berechnet). Mit --features berechnet er stattdessen die Backbone-Merkmale der Elemente, die das Training auf jedem Rechner dann liest (siehe: train).</translation>
    </message>
    <message>
        <source>%1: pass %2, %3 images in %4 s (batches with the network on all cores, decoding paused: %5; on half of them beside decoding: %6)</source>
        <translation>%1: Durchlauf %2, %3 Bilder in %4 s (Stapel mit dem Netz auf allen Kernen, Dekodieren pausiert: %5; auf der Hälfte neben dem Dekodieren: %6)</translation>
    </message>
    <message>
        <source>Run batches in slices of N images (default %1; 0 = whole batch).</source>
        <translation>Batches in Stücken zu je N Bildern ausführen (Standard %1; 0 = ganzer Batch).</translation>
    </message>
    <message>
        <source>The proxy task&apos;s rows, comma-separated (default all: probe,pretrained,head,partial,full,auto); the recipes train those of partial and full that are listed.</source>
        <translation>Die Zeilen der Ersatzaufgabe, durch Kommas getrennt (Vorgabe alle: probe,pretrained,head,partial,full,auto); die Rezepte trainieren die aufgeführten von partial und full.</translation>
    </message>
    <message>
        <source>Weight averaging: judge and keep an exponential moving average of the weights, with this decay per step (e.g. 0.9; default 0: off).</source>
        <translation>Gewichtsmittelung: einen exponentiellen gleitenden Mittelwert der Gewichte mit diesem Abklingfaktor je Schritt bewerten und behalten (z. B. 0,9; Vorgabe 0: aus).</translation>
    </message>
    <message>
        <source>Mixup: train on blends of two items of a batch and of their labels, the share drawn from Beta(A, A) (e.g. 0.2; default 0: off).</source>
        <translation>Mixup: auf Mischungen zweier Einträge eines Stapels und ihrer Labels trainieren, der Anteil aus Beta(A, A) gezogen (z. B. 0,2; Vorgabe 0: aus).</translation>
    </message>
    <message>
        <source>Test-time flip averaging (partial, full): the run and its model score each picture as the mean of it and its mirror image.</source>
        <translation>Spiegelmittelung beim Bewerten (partial, full): der Lauf und sein Modell bewerten jedes Bild als Mittel aus ihm und seinem Spiegelbild.</translation>
    </message>
    <message>
        <source>The head: model (the model&apos;s own; default) or linear (one linear layer onto safe and NSFW, fitted first as a logistic-regression probe on the frozen features, then trained with the blocks: LP-FT).</source>
        <translation>Der Kopf: model (der des Modells; Vorgabe) oder linear (eine lineare Schicht auf unbedenklich und NSFW, zuerst als logistische Regression auf den eingefrorenen Merkmalen angepasst, dann mit den Blöcken trainiert: LP-FT).</translation>
    </message>
    <message>
        <source>Build the proxy task&apos;s project in DIR, a new folder, and keep it (labeled pictures in data/, the held-out ones unlabeled in heldout/pos and heldout/neg; heldout.csv lists the ones every figure is judged on, truth and path), to train on it by hand.</source>
        <translation>Das Projekt der Ersatzaufgabe in DIR, einem neuen Ordner, anlegen und behalten (gelabelte Bilder in data/, die zurückgehaltenen ungelabelt in heldout/pos und heldout/neg; heldout.csv nennt die, an denen jede Zahl gemessen wird, Wahrheit und Pfad), um von Hand darauf zu trainieren.</translation>
    </message>
    <message>
        <source>--keep needs a new folder: %1</source>
        <translation>--keep braucht einen neuen Ordner: %1</translation>
    </message>
    <message>
        <source>  judged on %1 held-out images (%2 of them positive), leaving out %3 that copy or nearly copy a labeled one; trained on %4 labeled</source>
        <translation>  beurteilt an %1 zurückgehaltenen Bildern (%2 davon positiv), ohne %3, die ein gelabeltes kopieren oder fast kopieren; trainiert mit %4 gelabelten</translation>
    </message>
    <message>
        <source>Learning rate over the steps: constant or cosine (a linear warm-up, then a cosine decay towards 0). Default: cosine in partial and full mode, constant in head mode.</source>
        <translation>Lernrate über die Schritte: constant oder cosine (lineares Aufwärmen, dann Kosinus-Abfall gegen 0). Voreinstellung: cosine im Modus partial und full, constant im Modus head.</translation>
    </message>
    <message>
        <source>Partial and full with one validation split: keep the split&apos;s best epoch as the run&apos;s model, rather than training it again on every label for that many epochs.</source>
        <translation>Partial und full mit einer Validierungsaufteilung: die beste Epoche der Aufteilung als Modell des Laufs behalten, statt es für so viele Epochen erneut auf allen Labels zu trainieren.</translation>
    </message>
    <message>
        <source>Also train partial and full with each recipe switched against the defaults (head first off, head first 30 epochs, constant rate, layer decay 0.7, label smoothing 0.1, linear head, EMA 0.9, mixup 0.2, test-time flip averaging, no refit, an ensemble of 3).</source>
        <translation>Außerdem partial und full mit jedem Rezept gegenüber den Voreinstellungen trainieren (Kopf zuerst aus, Kopf zuerst 30 Epochen, konstante Rate, Layer-Decay 0,7, Label-Smoothing 0,1, linearer Kopf, EMA 0,9, Mixup 0,2, Spiegel-Mittelung beim Bewerten, ohne erneutes Training auf allen Labels, ein Ensemble aus 3).</translation>
    </message>
    <message>
        <source>Partial and full: the run&apos;s model is an ensemble of N models (at most %1), each trained as the run&apos;s own with its own seed; it averages their outputs and keeps the frozen layers once. Costs a training per model (default 1: one model).</source>
        <translation>Teilweise und vollständig: Das Modell des Laufs ist ein Ensemble aus N Modellen (höchstens %1), jedes wie das des Laufs mit eigenem Seed trainiert; es mittelt ihre Ausgaben und enthält die eingefrorenen Schichten nur einmal. Kostet ein Training je Modell (Standard 1: ein Modell).</translation>
    </message>
    <message>
        <source>--ensemble takes a number of models, not %1</source>
        <translation>--ensemble erwartet eine Anzahl von Modellen, nicht %1</translation>
    </message>
</context>
<context>
    <name>nsfw::cli::DuplicateCorpus</name>
    <message>
        <source>openclipart-png is not installed or has too few pictures (packaging/setup.sh installs it).</source>
        <translation>openclipart-png ist nicht installiert oder enthält zu wenige Bilder (packaging/setup.sh installiert es).</translation>
    </message>
</context>
<context>
    <name>nsfw::cli::LoadRun</name>
    <message>
        <source>Cannot make a temporary folder.</source>
        <translation>Es kann kein temporärer Ordner angelegt werden.</translation>
    </message>
    <message>
        <source>no server (a project file)</source>
        <translation>kein Server (eine Projektdatei)</translation>
    </message>
    <message>
        <source>NOT DONE: no --server-dir and NSFW_TEST_PG_DIR is not set</source>
        <translation>NICHT AUSGEFÜHRT: kein --server-dir und NSFW_TEST_PG_DIR ist nicht gesetzt</translation>
    </message>
    <message>
        <source>NOT DONE: no pgtest script at &apos;%1&apos; (give --pgtest)</source>
        <translation>NICHT AUSGEFÜHRT: kein pgtest-Skript unter „%1“ (geben Sie --pgtest an)</translation>
    </message>
    <message>
        <source>killed %1 (SIGKILL) at %2 s; starting %3</source>
        <translation>%1 bei %2 s beendet (SIGKILL); starte %3</translation>
    </message>
    <message>
        <source>restarting the server at %1 s</source>
        <translation>starte den Server bei %1 s neu</translation>
    </message>
    <message>
        <source>FAILED: %1</source>
        <translation>FEHLGESCHLAGEN: %1</translation>
    </message>
    <message>
        <source>server back after %1 s</source>
        <translation>Server nach %1 s wieder da</translation>
    </message>
    <message>
        <source>stopping the workers</source>
        <translation>beende die Worker</translation>
    </message>
    <message>
        <source>creating a project of %1 items</source>
        <translation>erzeuge ein Projekt mit %1 Elementen</translation>
    </message>
    <message>
        <source>%1 processes labelling for %2 s</source>
        <translation>%1 Prozesse labeln %2 s lang</translation>
    </message>
    <message>
        <source>checking the history</source>
        <translation>prüfe den Verlauf</translation>
    </message>
    <message>
        <source>%1 did not end within %2 s of SIGTERM</source>
        <translation>%1 hat sich nicht innerhalb von %2 s nach SIGTERM beendet</translation>
    </message>
    <message>
        <source>%1 ended with status %2: %3</source>
        <translation>%1 endete mit Status %2: %3</translation>
    </message>
</context>
<context>
    <name>nsfw::linearhead</name>
    <message>
        <source>the model has no feature layer &apos;%1&apos; to put a linear head on</source>
        <translation>das Modell hat keine Merkmalsschicht „%1“, auf die ein linearer Kopf gesetzt werden könnte</translation>
    </message>
    <message>
        <source>layer &apos;%1&apos; reads &apos;%2&apos;, which comes after the feature layer &apos;%3&apos;</source>
        <translation>Schicht „%1“ liest „%2“, die nach der Merkmalsschicht „%3“ kommt</translation>
    </message>
    <message>
        <source>the model already has a layer named &apos;%1&apos; before its feature layer</source>
        <translation>das Modell hat vor seiner Merkmalsschicht schon eine Schicht namens „%1“</translation>
    </message>
    <message>
        <source>the layers of model.json are not where they were read from</source>
        <translation>die Schichten von model.json stehen nicht dort, wo sie gelesen wurden</translation>
    </message>
    <message>
        <source>linear head</source>
        <translation>linearer Kopf</translation>
    </message>
    <message>
        <source>%1, linear head</source>
        <translation>%1, linearer Kopf</translation>
    </message>
</context>
<context>
    <name>nsfw::onnxexport</name>
    <message>
        <source>layer &apos;%1&apos;: %2</source>
        <translation>Schicht „%1“: %2</translation>
    </message>
</context>
<context>
    <name>nsfw::onnxexport::GraphWriter</name>
    <message>
        <source>the model has more than one input; only single-input models are exported</source>
        <translation>das Modell hat mehr als einen Eingang; exportiert werden nur Modelle mit einem einzigen Eingang</translation>
    </message>
    <message>
        <source>the model&apos;s output does not depend on its input</source>
        <translation>die Ausgabe des Modells hängt nicht von seiner Eingabe ab</translation>
    </message>
    <message>
        <source>the layer graph does not match model.json</source>
        <translation>der Schichtgraph stimmt nicht mit model.json überein</translation>
    </message>
    <message>
        <source>the model&apos;s output has %1 dimensions; the export expects [batch, classes]</source>
        <translation>die Ausgabe des Modells hat %1 Dimensionen; der Export erwartet [Batch, Klassen]</translation>
    </message>
    <message>
        <source>softmax over the channels of a %1-D tensor is not exported (only [batch, classes])</source>
        <translation>Softmax über die Kanäle eines %1-D-Tensors wird nicht exportiert (nur [Batch, Klassen])</translation>
    </message>
    <message>
        <source>activation &apos;%1&apos; has no ONNX form that OpenCV 4.6 reads</source>
        <translation>die Aktivierung „%1“ hat keine ONNX-Form, die OpenCV 4.6 lesen kann</translation>
    </message>
    <message>
        <source>pooling expects a 4-D input</source>
        <translation>Pooling erwartet eine 4-D-Eingabe</translation>
    </message>
    <message>
        <source>Dense on a %1-D input is not exported</source>
        <translation>Dense auf einer %1-D-Eingabe wird nicht exportiert</translation>
    </message>
    <message>
        <source>ReLU with a threshold is not exported</source>
        <translation>ReLU mit Schwellenwert wird nicht exportiert</translation>
    </message>
    <message>
        <source>softmax is exported over the classes of a [batch, classes] input only</source>
        <translation>Softmax wird nur über die Klassen einer Eingabe der Form [Batch, Klassen] exportiert</translation>
    </message>
    <message>
        <source>layer type &apos;%1&apos; has no ONNX form in this export</source>
        <translation>der Schichttyp „%1“ hat in diesem Export keine ONNX-Form</translation>
    </message>
</context>
<context>
    <name>nsfw::ui</name>
    <message>
        <source>Label images and videos, fine-tune an NSFW classifier.</source>
        <translation>Bilder und Videos labeln, einen NSFW-Klassifikator feinabstimmen.</translation>
    </message>
    <message>
        <source>Project file or postgresql:// URL to open.</source>
        <translation>Zu öffnende Projektdatei oder postgresql://-URL.</translation>
    </message>
</context>
<context>
    <name>nsfw::ui::ConfusionPanel</name>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>Retrain on corrected labels</source>
        <translation>Mit korrigierten Labels neu trainieren</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Schwelle</translation>
    </message>
    <message>
        <source>An item is predicted NSFW when its score is at least the threshold. Click or drag the marker on the precision-recall curve to pick it there.</source>
        <translation>Ein Element gilt als NSFW, wenn sein Score mindestens die Schwelle erreicht. Klicken Sie auf die Precision-Recall-Kurve oder ziehen Sie die Markierung, um sie dort zu wählen.</translation>
    </message>
    <message>
        <source>Score at least:</source>
        <translation>Score mindestens:</translation>
    </message>
    <message>
        <source>Precision at least</source>
        <translation>Precision mindestens</translation>
    </message>
    <message>
        <source>Recall at least</source>
        <translation>Recall mindestens</translation>
    </message>
    <message>
        <source>Target:</source>
        <translation>Ziel:</translation>
    </message>
    <message>
        <source>predicted NSFW</source>
        <translation>vorhergesagt NSFW</translation>
    </message>
    <message>
        <source>predicted safe</source>
        <translation>vorhergesagt sicher</translation>
    </message>
    <message>
        <source>labeled NSFW</source>
        <translation>gelabelt NSFW</translation>
    </message>
    <message>
        <source>labeled safe</source>
        <translation>gelabelt sicher</translation>
    </message>
    <message>
        <source>NSFW items the model finds (true positives)</source>
        <translation>NSFW-Elemente, die das Modell erkennt (richtig positiv)</translation>
    </message>
    <message>
        <source>NSFW items the model misses (false negatives), lowest score first</source>
        <translation>NSFW-Elemente, die das Modell übersieht (falsch negativ), niedrigster Score zuerst</translation>
    </message>
    <message>
        <source>Safe items the model flags (false positives), highest score first</source>
        <translation>Sichere Elemente, die das Modell markiert (falsch positiv), höchster Score zuerst</translation>
    </message>
    <message>
        <source>Safe items the model passes (true negatives)</source>
        <translation>Sichere Elemente, die das Modell durchlässt (richtig negativ)</translation>
    </message>
    <message>
        <source>Click to review these items in the Label tab.</source>
        <translation>Klicken, um diese Elemente im Tab „Labeln“ zu prüfen.</translation>
    </message>
    <message>
        <source>Click a cell to go through its items one by one; relabel with the usual keys.</source>
        <translation>Klicken Sie auf eine Zelle, um ihre Elemente einzeln durchzugehen; mit den üblichen Tasten neu labeln.</translation>
    </message>
    <message>
        <source>Starts a new run with this run&apos;s settings on the labels as they are now.</source>
        <translation>Startet ein neues Training mit den Einstellungen dieses Trainings auf den aktuellen Labels.</translation>
    </message>
    <message>
        <source>No threshold reaches a precision of %1 on this run&apos;s validation items.</source>
        <translation>Keine Schwelle erreicht auf den Validierungselementen dieses Trainings eine Precision von %1.</translation>
    </message>
    <message>
        <source>No threshold reaches a recall of %1 on this run&apos;s validation items.</source>
        <translation>Keine Schwelle erreicht auf den Validierungselementen dieses Trainings einen Recall von %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) relabelled since this run.</source>
        <translation>
            <numerusform>%n Element seit diesem Training neu gelabelt.</numerusform>
            <numerusform>%n Elemente seit diesem Training neu gelabelt.</numerusform>
        </translation>
    </message>
    <message>
        <source>No labels changed since this run.</source>
        <translation>Seit diesem Training wurden keine Labels geändert.</translation>
    </message>
    <message>
        <source>Open or train a run to choose its threshold.</source>
        <translation>Öffnen oder trainieren Sie ein Training, um seine Schwelle zu wählen.</translation>
    </message>
    <message>
        <source>%1
true positives
%2 of NSFW</source>
        <translation>%1
richtig positiv
%2 der NSFW-Elemente</translation>
    </message>
    <message>
        <source>%1
false negatives
%2 of NSFW</source>
        <translation>%1
falsch negativ
%2 der NSFW-Elemente</translation>
    </message>
    <message>
        <source>%1
false positives
%2 of safe</source>
        <translation>%1
falsch positiv
%2 der sicheren</translation>
    </message>
    <message>
        <source>%1
true negatives
%2 of safe</source>
        <translation>%1
richtig negativ
%2 der sicheren</translation>
    </message>
    <message>
        <source>Confusion matrix (out-of-sample)</source>
        <translation>Konfusionsmatrix (Out-of-Sample)</translation>
    </message>
    <message>
        <source>precision &lt;b&gt;%1&lt;/b&gt;%2 &amp;nbsp; recall &lt;b&gt;%3&lt;/b&gt;%4 &amp;nbsp; F1 &lt;b&gt;%5&lt;/b&gt;&lt;br&gt;accuracy %6 &amp;nbsp; %7 of %8 items predicted NSFW%9</source>
        <translation>Precision &lt;b&gt;%1&lt;/b&gt;%2 &amp;nbsp; Recall &lt;b&gt;%3&lt;/b&gt;%4 &amp;nbsp; F1 &lt;b&gt;%5&lt;/b&gt;&lt;br&gt;Accuracy %6 &amp;nbsp; %7 von %8 Elementen als NSFW vorhergesagt%9</translation>
    </message>
    <message>
        <source>(in parentheses: 95 % intervals)</source>
        <translation>(in Klammern: 95-%-Intervalle)</translation>
    </message>
    <message>
        <source>Each video as one unit: NSFW when its label says so, scored by the verdict of its judged frames</source>
        <translation>Jedes Video als eine Einheit: NSFW, wenn sein Label es sagt, bewertet nach dem Urteil seiner beurteilten Bilder</translation>
    </message>
    <message>
        <source>Videos: %1</source>
        <translation>Videos: %1</translation>
    </message>
</context>
<context>
    <name>nsfw::ui::CurvePlot</name>
    <message>
        <source>recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>Precision</translation>
    </message>
    <message>
        <source>false positive rate</source>
        <translation>Falsch-positiv-Rate</translation>
    </message>
    <message>
        <source>recall (true positive rate)</source>
        <translation>Recall (Richtig-positiv-Rate)</translation>
    </message>
    <message>
        <source>threshold %1
precision %2
recall %3</source>
        <translation>Schwelle %1
Precision %2
Recall %3</translation>
    </message>
    <message>
        <source>threshold %1
FPR %2
recall %3</source>
        <translation>Schwelle %1
FPR %2
Recall %3</translation>
    </message>
    <message>
        <source>Precision-recall (out-of-sample)</source>
        <translation>Precision-Recall (Out-of-Sample)</translation>
    </message>
    <message>
        <source>ROC (out-of-sample)</source>
        <translation>ROC (Out-of-Sample)</translation>
    </message>
</context>
<context>
    <name>nsfw::ui::DuplicateGroupDelegate</name>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>hidden from training</source>
        <translation>vom Training ausgeschlossen</translation>
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
        <source>%1×%2 · %3</source>
        <translation>%1×%2 · %3</translation>
    </message>
    <message numerus="yes">
        <source>+%n more
(open the group to see all)</source>
        <translation>
            <numerusform>+%n weiteres
(Gruppe öffnen, um alle zu sehen)</numerusform>
            <numerusform>+%n weitere
(Gruppe öffnen, um alle zu sehen)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nsfw::ui::DuplicatesPage</name>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Keep one, hide the rest from training</source>
        <translation>Eines behalten, die übrigen vom Training ausschließen</translation>
    </message>
    <message>
        <source>Include again</source>
        <translation>Wieder einbeziehen</translation>
    </message>
    <message>
        <source>Not duplicates</source>
        <translation>Keine Duplikate</translation>
    </message>
    <message>
        <source>Open in the Label tab</source>
        <translation>Im Tab „Labeln“ öffnen</translation>
    </message>
    <message>
        <source>Look for near-copies again: hashes what older imports lack, then groups</source>
        <translation>Erneut nach Beinahe-Kopien suchen: berechnet die Hashes, die älteren Importen fehlen, und gruppiert dann</translation>
    </message>
    <message>
        <source>Label the group as:</source>
        <translation>Gruppe labeln als:</translation>
    </message>
    <message>
        <source>Training keeps the chosen picture (click one; else the largest) and leaves the other copies out, so a copy cannot sit on both sides of a split or count twice. They keep their labels and are still scored.</source>
        <translation>Das Training behält das gewählte Bild (eines anklicken; sonst das größte) und lässt die anderen Kopien aus, damit keine Kopie auf beiden Seiten einer Aufteilung liegt oder doppelt zählt. Sie behalten ihre Labels und werden weiterhin bewertet.</translation>
    </message>
    <message>
        <source>Every member of the group takes part in training again</source>
        <translation>Jedes Mitglied der Gruppe nimmt wieder am Training teil</translation>
    </message>
    <message>
        <source>These pictures are not copies of each other: the group is never shown again</source>
        <translation>Diese Bilder sind keine Kopien voneinander: Die Gruppe wird nie wieder angezeigt</translation>
    </message>
    <message>
        <source>Shows the group in the Label tab&apos;s gallery and viewer (Enter, or a double click)</source>
        <translation>Zeigt die Gruppe in der Galerie und im Betrachter des Tabs „Labeln“ (Enter oder Doppelklick)</translation>
    </message>
    <message>
        <source>hashing %v of %m</source>
        <translation>berechne Hashes: %v von %m</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Keep #%1, hide the rest from training</source>
        <translation>#%1 behalten, die übrigen vom Training ausschließen</translation>
    </message>
    <message>
        <source>No project open.</source>
        <translation>Kein Projekt geöffnet.</translation>
    </message>
    <message>
        <source>Hashing pictures imported before near-copies were looked for…</source>
        <translation>Berechne Hashes für Bilder, die vor der Suche nach Beinahe-Kopien importiert wurden…</translation>
    </message>
    <message>
        <source>Looking for near-copies…</source>
        <translation>Suche nach Beinahe-Kopien…</translation>
    </message>
    <message>
        <source>Near-copies could not be looked for: %1</source>
        <translation>Nach Beinahe-Kopien konnte nicht gesucht werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>No near-copies among %n hashed picture(s) and video(s).</source>
        <translation>
            <numerusform>Keine Beinahe-Kopien unter %n Bild oder Video mit Hash.</numerusform>
            <numerusform>Keine Beinahe-Kopien unter %n Bildern und Videos mit Hash.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s) of near-copies</source>
        <translation>
            <numerusform>%n Gruppe von Beinahe-Kopien</numerusform>
            <numerusform>%n Gruppen von Beinahe-Kopien</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n items) among %1 hashed; </source>
        <translation>
            <numerusform>(%n Element) unter %1 mit Hash; </numerusform>
            <numerusform>(%n Elemente) unter %1 mit Hash; </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with conflicting labels, first. Click a picture to choose the one to keep.</source>
        <translation>
            <numerusform>%n mit widersprüchlichen Labels, zuerst. Klicken Sie auf ein Bild, um das zu behaltende zu wählen.</numerusform>
            <numerusform>%n mit widersprüchlichen Labels, zuerst. Klicken Sie auf ein Bild, um das zu behaltende zu wählen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be read and are left out.</source>
        <translation>
            <numerusform>%n Datei konnte nicht gelesen werden und wird ausgelassen.</numerusform>
            <numerusform>%n Dateien konnten nicht gelesen werden und werden ausgelassen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Looking again…</source>
        <translation>Suche erneut…</translation>
    </message>
    <message>
        <source>The labels could not be written: %1</source>
        <translation>Die Labels konnten nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Not saved: another program is writing to the project. Try again in a moment.</source>
        <translation>Nicht gespeichert: Ein anderes Programm schreibt gerade in das Projekt. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message numerus="yes">
        <source>Training keeps #%1 of group %2 and leaves out %n near-copy(ies).</source>
        <translation>
            <numerusform>Das Training behält #%1 aus Gruppe %2 und lässt %n Beinahe-Kopie aus.</numerusform>
            <numerusform>Das Training behält #%1 aus Gruppe %2 und lässt %n Beinahe-Kopien aus.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every member of group %1 takes part in training again.</source>
        <translation>Jedes Mitglied der Gruppe %1 nimmt wieder am Training teil.</translation>
    </message>
    <message>
        <source>Group %1 is not a group of copies: it is not shown again.</source>
        <translation>Gruppe %1 ist keine Gruppe von Kopien: Sie wird nicht mehr angezeigt.</translation>
    </message>
    <message numerus="yes">
        <source>Near-copy group %1 · %n item(s) · label with the usual keys</source>
        <translation>
            <numerusform>Beinahe-Kopien-Gruppe %1 · %n Element · mit den üblichen Tasten labeln</numerusform>
            <numerusform>Beinahe-Kopien-Gruppe %1 · %n Elemente · mit den üblichen Tasten labeln</numerusform>
        </translation>
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
    <message>
        <source>relabelled</source>
        <translation>neu gelabelt</translation>
    </message>
    <message>
        <source>?</source>
        <comment>badge: suspected label error</comment>
        <translation>?</translation>
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
    <message>
        <source>Uncertain first (score near threshold)</source>
        <translation>Unsichere zuerst (Score nahe der Schwelle)</translation>
    </message>
    <message>
        <source>All items</source>
        <translation>Alle Elemente</translation>
    </message>
    <message>
        <source>My queue</source>
        <translation>Meine Warteschlange</translation>
    </message>
    <message>
        <source>Disagreements</source>
        <translation>Uneinigkeiten</translation>
    </message>
    <message>
        <source>The items assigned to you (team PROJECT assign)</source>
        <translation>Die Ihnen zugeteilten Elemente (team PROJECT assign)</translation>
    </message>
    <message>
        <source>Items whose annotators disagree and that nobody adjudicated: each annotator&apos;s label is in the history; a label given here is an adjudication</source>
        <translation>Elemente, bei denen die Annotatoren uneins sind und die niemand entschieden hat: Das Label jedes Annotators steht im Verlauf; ein hier vergebenes Label ist eine Entscheidung</translation>
    </message>
</context>
<context>
    <name>nsfw::ui::HealthPage</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Elemente</translation>
    </message>
    <message>
        <source>What it looks for</source>
        <translation>Wonach gesucht wird</translation>
    </message>
    <message>
        <source>Click a check to see its items in the Label tab, worst first.</source>
        <translation>Klicken Sie auf eine Prüfung, um ihre Elemente im Tab „Labeln“ zu sehen, die auffälligsten zuerst.</translation>
    </message>
    <message>
        <source>Class balance</source>
        <translation>Klassenverteilung</translation>
    </message>
    <message>
        <source>safe</source>
        <translation>sicher</translation>
    </message>
    <message>
        <source>nsfw</source>
        <translation>NSFW</translation>
    </message>
    <message>
        <source>unsure</source>
        <translation>unsicher</translation>
    </message>
    <message>
        <source>unlabeled</source>
        <translation>ohne Label</translation>
    </message>
    <message>
        <source>nsfw share</source>
        <translation>NSFW-Anteil</translation>
    </message>
    <message>
        <source>No project open.</source>
        <translation>Kein Projekt geöffnet.</translation>
    </message>
    <message>
        <source>Checking the data set…</source>
        <translation>Datensatz wird geprüft…</translation>
    </message>
    <message>
        <source>Measuring pictures imported by an older version: %1 of %2…</source>
        <translation>Messe Bilder, die von einer älteren Version importiert wurden: %1 von %2…</translation>
    </message>
    <message>
        <source>Cannot check the data set: %1</source>
        <translation>Der Datensatz kann nicht geprüft werden: %1</translation>
    </message>
    <message>
        <source>All (images and video frames)</source>
        <translation>Alle (Bilder und Videobilder)</translation>
    </message>
    <message>
        <source>By kind</source>
        <translation>Nach Art</translation>
    </message>
    <message>
        <source>By source folder</source>
        <translation>Nach Quellordner</translation>
    </message>
    <message>
        <source>%1 images and videos checked; click a check to see its items in the Label tab, worst first.</source>
        <translation>%1 Bilder und Videos geprüft; klicken Sie auf eine Prüfung, um ihre Elemente im Tab „Labeln“ zu sehen, die auffälligsten zuerst.</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n item(s), worst first · %2</source>
        <translation>
            <numerusform>%1 · %n Element, auffälligste zuerst · %2</numerusform>
            <numerusform>%1 · %n Elemente, auffälligste zuerst · %2</numerusform>
        </translation>
    </message>
    <message>
        <source>The data set is checked when this tab is shown.</source>
        <translation>Der Datensatz wird geprüft, sobald dieser Tab angezeigt wird.</translation>
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
    <message>
        <source>confirmed right on review (%1)</source>
        <translation>bei der Prüfung als richtig bestätigt (%1)</translation>
    </message>
    <message>
        <source>Not available: the server cannot be reached</source>
        <translation>Nicht verfügbar: Der Server ist nicht erreichbar</translation>
    </message>
    <message numerus="yes">
        <source>%n label(s) of other annotators, shown once you have labelled this item</source>
        <translation>
            <numerusform>%n Label eines anderen Annotators, sichtbar, sobald Sie dieses Element gelabelt haben</numerusform>
            <numerusform>%n Labels anderer Annotatoren, sichtbar, sobald Sie dieses Element gelabelt haben</numerusform>
        </translation>
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
    <message>
        <source>item %1</source>
        <translation>Element %1</translation>
    </message>
    <message>
        <source>%1, frame at %2 s</source>
        <translation>%1, Bild bei %2 s</translation>
    </message>
    <message>
        <source>Not undone: %1 was labeled %2 by someone else after your label; it keeps theirs.</source>
        <translation>Nicht rückgängig gemacht: %1 wurde nach Ihrem Label von jemand anderem als „%2“ gelabelt; dieses Label bleibt.</translation>
    </message>
    <message>
        <source>Not redone: %1 was labeled %2 by someone else after the undo; it keeps theirs.</source>
        <translation>Nicht wiederhergestellt: %1 wurde nach dem Rückgängigmachen von jemand anderem als „%2“ gelabelt; dieses Label bleibt.</translation>
    </message>
    <message numerus="yes">
        <source>Not undone for %n item(s): someone else labeled them after your label; they keep theirs.</source>
        <translation>
            <numerusform>Für %n Element nicht rückgängig gemacht: Jemand anderes hat es nach Ihrem Label gelabelt; dieses Label bleibt.</numerusform>
            <numerusform>Für %n Elemente nicht rückgängig gemacht: Jemand anderes hat sie nach Ihrem Label gelabelt; diese Labels bleiben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not redone for %n item(s): someone else labeled them after the undo; they keep theirs.</source>
        <translation>
            <numerusform>Für %n Element nicht wiederhergestellt: Jemand anderes hat es nach dem Rückgängigmachen gelabelt; dieses Label bleibt.</numerusform>
            <numerusform>Für %n Elemente nicht wiederhergestellt: Jemand anderes hat sie nach dem Rückgängigmachen gelabelt; diese Labels bleiben.</numerusform>
        </translation>
    </message>
    <message>
        <source>The label could not be written to the project:
%1</source>
        <translation>Das Label konnte nicht in das Projekt geschrieben werden:
%1</translation>
    </message>
</context>
<context>
    <name>nsfw::ui::LossPlot</name>
    <message>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>training, per step</source>
        <translation>Training, je Schritt</translation>
    </message>
    <message>
        <source>training, smoothed</source>
        <translation>Training, geglättet</translation>
    </message>
    <message>
        <source>training, epoch mean</source>
        <translation>Training, Mittel der Epoche</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>Verlust</translation>
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
    <message>
        <source>Train and review</source>
        <translation>Trainieren und prüfen</translation>
    </message>
    <message>
        <source>A run is training</source>
        <translation>Ein Training läuft</translation>
    </message>
    <message>
        <source>A training run is still in progress. Stop it and close the window?</source>
        <translation>Es läuft noch ein Training. Training abbrechen und das Fenster schließen?</translation>
    </message>
    <message>
        <source>A training run is still in progress. Stop it and open the other project?</source>
        <translation>Es läuft noch ein Training. Training abbrechen und das andere Projekt öffnen?</translation>
    </message>
    <message>
        <source>Stopping the run after the current batch…</source>
        <translation>Training wird nach dem aktuellen Batch abgebrochen …</translation>
    </message>
    <message>
        <source>Labels not saved yet</source>
        <translation>Labels noch nicht gespeichert</translation>
    </message>
    <message>
        <source>Wait for them</source>
        <translation>Darauf warten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>local server</source>
        <translation>lokaler Server</translation>
    </message>
    <message>
        <source>Open &amp;server project…</source>
        <translation>&amp;Serverprojekt öffnen …</translation>
    </message>
    <message numerus="yes">
        <source>%n label(s) are not saved yet: the server of %1 cannot be reached. They are saved the moment it is back.</source>
        <translation>
            <numerusform>%n Label ist noch nicht gespeichert: Der Server von %1 ist nicht erreichbar. Es wird gespeichert, sobald er wieder erreichbar ist.</numerusform>
            <numerusform>%n Labels sind noch nicht gespeichert: Der Server von %1 ist nicht erreichbar. Sie werden gespeichert, sobald er wieder erreichbar ist.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n label(s) are not saved yet: another program is writing to the project. They are saved the moment it lets go.</source>
        <translation>
            <numerusform>%n Label ist noch nicht gespeichert: Ein anderes Programm schreibt gerade in das Projekt. Es wird gespeichert, sobald das Programm das Projekt freigibt.</numerusform>
            <numerusform>%n Labels sind noch nicht gespeichert: Ein anderes Programm schreibt gerade in das Projekt. Sie werden gespeichert, sobald das Programm das Projekt freigibt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Closing without them loses them.</source>
        <translation>Wenn Sie jetzt schließen, gehen sie verloren.</translation>
    </message>
    <message>
        <source>Opening the other project without them loses them.</source>
        <translation>Wenn Sie jetzt das andere Projekt öffnen, gehen sie verloren.</translation>
    </message>
    <message numerus="yes">
        <source>Close and lose %n label(s)</source>
        <translation>
            <numerusform>Schließen und %n Label verlieren</numerusform>
            <numerusform>Schließen und %n Labels verlieren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Open and lose %n label(s)</source>
        <translation>
            <numerusform>Öffnen und %n Label verlieren</numerusform>
            <numerusform>Öffnen und %n Labels verlieren</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for the server to come back and save the labels…</source>
        <translation>Warten, bis der Server wieder erreichbar ist und die Labels gespeichert sind …</translation>
    </message>
    <message>
        <source>Waiting for the project to save the labels…</source>
        <translation>Warten, bis das Projekt die Labels gespeichert hat …</translation>
    </message>
    <message>
        <source>Open server project</source>
        <translation>Serverprojekt öffnen</translation>
    </message>
    <message>
        <source>PostgreSQL database (postgresql://user@host:port/dbname).
The password comes from ~/.pgpass or PGPASSFILE and is never stored by NSFW Workbench.</source>
        <translation>PostgreSQL-Datenbank (postgresql://user@host:port/dbname).
Das Passwort kommt aus ~/.pgpass oder PGPASSFILE und wird von NSFW Workbench nie gespeichert.</translation>
    </message>
    <message>
        <source>%1 is not a postgresql:// URL.</source>
        <translation>%1 ist keine postgresql://-URL.</translation>
    </message>
    <message>
        <source>New server project</source>
        <translation>Neues Serverprojekt</translation>
    </message>
    <message>
        <source>The database %1 is empty. Make it a new NSFW Workbench project?</source>
        <translation>Die Datenbank %1 ist leer. Ein neues NSFW-Workbench-Projekt daraus machen?</translation>
    </message>
    <message>
        <source>Where are the media of %1 on this machine?

The project stores media paths relative to one folder; choose the folder that holds them here.</source>
        <translation>Wo liegen die Medien von %1 auf diesem Rechner?

Das Projekt speichert Medienpfade relativ zu einem Ordner; wählen Sie den Ordner, der sie auf diesem Rechner enthält.</translation>
    </message>
    <message>
        <source>The media folder of %1, %2, is not on this machine.

Choose the folder that holds the project&apos;s media here.</source>
        <translation>Der Medienordner von %1, %2, ist nicht auf diesem Rechner.

Wählen Sie den Ordner, der die Medien des Projekts auf diesem Rechner enthält.</translation>
    </message>
    <message>
        <source>Media folder</source>
        <translation>Medienordner</translation>
    </message>
    <message>
        <source>Media folder not mapped: pictures cannot be shown or imported.</source>
        <translation>Medienordner nicht zugeordnet: Bilder können weder gezeigt noch importiert werden.</translation>
    </message>
    <message>
        <source>Media folder of %1</source>
        <translation>Medienordner von %1</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Duplikate</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Datenqualität</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
</context>
<context>
    <name>nsfw::ui::MetricsPlot</name>
    <message>
        <source>average precision</source>
        <translation>Average Precision</translation>
    </message>
    <message>
        <source>ROC AUC</source>
        <translation>ROC-AUC</translation>
    </message>
    <message>
        <source>F1 at threshold</source>
        <translation>F1 bei der Schwelle</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>Out-of-sample metrics (95 % intervals)</source>
        <translation>Out-of-Sample-Metriken (95-%-Intervalle)</translation>
    </message>
</context>
<context>
    <name>nsfw::ui::OnnxExportAction</name>
    <message>
        <source>Export model as &amp;ONNX…</source>
        <translation>Modell als ONNX &amp;exportieren …</translation>
    </message>
    <message>
        <source>Write the run shown in Train and review (else the latest finished run, else the pretrained model) as an ONNX file for ONNX Runtime, OpenCV and other runtimes</source>
        <translation>Das im Tab „Trainieren und prüfen“ gezeigte Training (sonst das zuletzt beendete Training, sonst das vortrainierte Modell) als ONNX-Datei für ONNX Runtime, OpenCV und andere Laufzeitumgebungen schreiben</translation>
    </message>
    <message>
        <source>run %1</source>
        <translation>Training %1</translation>
    </message>
    <message>
        <source>the pretrained model</source>
        <translation>das vortrainierte Modell</translation>
    </message>
    <message>
        <source>Export model as ONNX</source>
        <translation>Modell als ONNX exportieren</translation>
    </message>
    <message>
        <source>Export %1 as ONNX</source>
        <translation>%1 als ONNX exportieren</translation>
    </message>
    <message>
        <source>ONNX models (*.onnx)</source>
        <translation>ONNX-Modelle (*.onnx)</translation>
    </message>
    <message>
        <source>Exporting %1 as ONNX…</source>
        <translation>%1 wird als ONNX exportiert …</translation>
    </message>
    <message>
        <source>Wrote %1 as ONNX: %2</source>
        <translation>%1 als ONNX geschrieben: %2</translation>
    </message>
</context>
<context>
    <name>nsfw::ui::PlotWidget</name>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>The plot could not be written to %1.</source>
        <translation>Das Diagramm konnte nicht nach %1 geschrieben werden.</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>Zoom zurücksetzen</translation>
    </message>
    <message>
        <source>Export as PNG…</source>
        <translation>Als PNG exportieren…</translation>
    </message>
    <message>
        <source>Export as PDF…</source>
        <translation>Als PDF exportieren…</translation>
    </message>
</context>
<context>
    <name>nsfw::ui::RunHistoryPanel</name>
    <message>
        <source>finished</source>
        <translation>beendet</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>pretrained</source>
        <translation>vortrainiert</translation>
    </message>
    <message>
        <source>head</source>
        <translation>Kopf</translation>
    </message>
    <message>
        <source>partial, %1 blocks</source>
        <translation>teilweise, %1 Blöcke</translation>
    </message>
    <message>
        <source>full</source>
        <translation>vollständig</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Compare two</source>
        <translation>Zwei vergleichen</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Retrained</source>
        <translation>Trainiert</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Best epoch</source>
        <translation>Beste Epoche</translation>
    </message>
    <message>
        <source>AP</source>
        <translation>AP</translation>
    </message>
    <message>
        <source>ROC AUC</source>
        <translation>ROC-AUC</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Schwelle</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Select two runs (Ctrl+click) to draw the second one&apos;s precision-recall curve beside the first one&apos;s</source>
        <translation>Zwei Trainings auswählen (Strg+Klick), um die Precision-Recall-Kurve des zweiten neben der des ersten zu zeichnen</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Trainings</translation>
    </message>
    <message>
        <source>Run %1 · %2</source>
        <translation>Training %1 · %2</translation>
    </message>
    <message>
        <source>AP %1</source>
        <translation>AP %1</translation>
    </message>
    <message>
        <source>validation %1</source>
        <translation>Validierung %1</translation>
    </message>
    <message>
        <source>%1 epochs, lr %2, batch %3, %4, validation %5</source>
        <translation>%1 Epochen, LR %2, Batch %3, %4, Validierung %5</translation>
    </message>
    <message>
        <source>auto: %1</source>
        <translation>automatisch: %1</translation>
    </message>
    <message>
        <source>Auto mode chose %1</source>
        <translation>Automatisch gewählt: %1</translation>
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
    <message>
        <source>Label is right (keep it)</source>
        <translation>Label ist richtig (beibehalten)</translation>
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
    <message numerus="yes">
        <source>%n label(s) waiting to be saved</source>
        <translation>
            <numerusform>%n Label wartet auf das Speichern</numerusform>
            <numerusform>%n Labels warten auf das Speichern</numerusform>
        </translation>
    </message>
    <message>
        <source>The connection to the project&apos;s server is lost. These labels are shown already and are written the moment it is back.</source>
        <translation>Die Verbindung zum Server des Projekts ist unterbrochen. Diese Labels werden bereits angezeigt und geschrieben, sobald er wieder erreichbar ist.</translation>
    </message>
    <message>
        <source>Another program (an import, the command line, a second window) is writing to the project. These labels are shown already and are saved the moment it lets go.</source>
        <translation>Ein anderes Programm (ein Import, die Befehlszeile, ein zweites Fenster) schreibt gerade in das Projekt. Diese Labels werden bereits angezeigt und gespeichert, sobald es das Projekt freigibt.</translation>
    </message>
    <message numerus="yes">
        <source>Server unreachable: %n label(s) waiting; they are written when it is back</source>
        <translation>
            <numerusform>Server nicht erreichbar: %n Label wartet; es wird geschrieben, sobald er wieder erreichbar ist</numerusform>
            <numerusform>Server nicht erreichbar: %n Labels warten; sie werden geschrieben, sobald er wieder erreichbar ist</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nsfw::ui::TeamPage</name>
    <message>
        <source>undefined</source>
        <translation>undefiniert</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Pair of annotators</source>
        <translation>Annotatorenpaar</translation>
    </message>
    <message>
        <source>Items both labeled</source>
        <translation>Von beiden gelabelte Elemente</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Übereinstimmung</translation>
    </message>
    <message>
        <source>Cohen&apos;s kappa</source>
        <translation>Cohens Kappa</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>Annotator</translation>
    </message>
    <message>
        <source>Items labeled</source>
        <translation>Gelabelte Elemente</translation>
    </message>
    <message>
        <source>In the overlap</source>
        <translation>In der Überschneidung</translation>
    </message>
    <message>
        <source>Agrees with reference</source>
        <translation>Stimmt mit Referenz überein</translation>
    </message>
    <message>
        <source>Labels per hour</source>
        <translation>Labels pro Stunde</translation>
    </message>
    <message>
        <source>Active hours</source>
        <translation>Aktive Stunden</translation>
    </message>
    <message>
        <source>Labels per hour: a pause of more than %1 minutes ends a session; labels taken from folder names or CSV files are not counted.</source>
        <translation>Labels pro Stunde: Eine Pause von mehr als %1 Minuten beendet eine Sitzung; aus Ordnernamen oder CSV-Dateien übernommene Labels werden nicht gezählt.</translation>
    </message>
    <message>
        <source>Annotator said</source>
        <translation>Label des Annotators</translation>
    </message>
    <message>
        <source>Reference: %1</source>
        <translation>Referenz: %1</translation>
    </message>
    <message>
        <source>Each annotator&apos;s labels on the overlap (rows) against the item&apos;s current label, the one training uses (columns).</source>
        <translation>Die Labels jedes Annotators auf der Überschneidung (Zeilen) gegenüber dem aktuellen Label des Elements, das das Training verwendet (Spalten).</translation>
    </message>
    <message>
        <source>No project open.</source>
        <translation>Kein Projekt geöffnet.</translation>
    </message>
    <message>
        <source>The agreement figures are computed when this tab is shown.</source>
        <translation>Die Übereinstimmungswerte werden berechnet, sobald dieser Tab angezeigt wird.</translation>
    </message>
    <message>
        <source>Reading the label history…</source>
        <translation>Label-Verlauf wird gelesen…</translation>
    </message>
    <message>
        <source>Cannot compute the agreement: %1</source>
        <translation>Die Übereinstimmung kann nicht berechnet werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n annotator(s); %1 items labeled, %2 of them by two annotators or more (the overlap).</source>
        <translation>
            <numerusform>%n Annotator; %1 Elemente gelabelt, %2 davon von zwei oder mehr Annotatoren (die Überschneidung).</numerusform>
            <numerusform>%n Annotatoren; %1 Elemente gelabelt, %2 davon von zwei oder mehr Annotatoren (die Überschneidung).</numerusform>
        </translation>
    </message>
    <message>
        <source>No item has labels of two annotators: there is no agreement to measure yet.</source>
        <translation>Kein Element hat Labels von zwei Annotatoren: Es gibt noch keine Übereinstimmung zu messen.</translation>
    </message>
    <message>
        <source>Percent agreement %1 (all annotators of an item agree on %2 of the items) · Fleiss&apos; kappa %3 (the %4 items with %5 annotators each) · Krippendorff&apos;s alpha %6</source>
        <translation>Prozentuale Übereinstimmung %1 (bei %2 der Elemente sind sich alle Annotatoren eines Elements einig) · Fleiss&apos; Kappa %3 (die %4 Elemente mit je %5 Annotatoren) · Krippendorffs Alpha %6</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>nsfw-workbench team PROJECT rule consensus, then assign --annotators ... --overlap 0.1: each annotator labels their queue (Labeling: My queue), a reviewer settles the disagreements (Labeling: Disagreements)</source>
        <translation>nsfw-workbench team PROJECT rule consensus, dann assign --annotators ... --overlap 0.1: Jeder Annotator labelt seine Warteschlange (Labeln: Meine Warteschlange), ein Prüfer entscheidet die Uneinigkeiten (Labeln: Uneinigkeiten)</translation>
    </message>
    <message>
        <source>%1 %2 of %3</source>
        <translation>%1 %2 von %3</translation>
    </message>
    <message>
        <source>Label rule: consensus (training uses the adjudicated label, else the one all annotators give)</source>
        <translation>Label-Regel: consensus (das Training verwendet das entschiedene Label, sonst das, das alle Annotatoren vergeben)</translation>
    </message>
    <message>
        <source>Label rule: latest (training uses each item&apos;s latest label)</source>
        <translation>Label-Regel: latest (das Training verwendet das neueste Label jedes Elements)</translation>
    </message>
    <message>
        <source>no queues</source>
        <translation>keine Warteschlangen</translation>
    </message>
    <message>
        <source>queues, labelled of assigned: %1</source>
        <translation>Warteschlangen, gelabelt von zugeteilt: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) wait for a reviewer</source>
        <translation>
            <numerusform>%n Element wartet auf einen Prüfer</numerusform>
            <numerusform>%n Elemente warten auf einen Prüfer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nsfw::ui::TrainSettingsPanel</name>
    <message>
        <source>Augment (crop, flip, colour)</source>
        <translation>Augmentieren (Ausschnitt, Spiegeln, Farbe)</translation>
    </message>
    <message>
        <source>Balance the classes</source>
        <translation>Klassen ausgleichen</translation>
    </message>
    <message>
        <source>Keep BatchNorm as pretrained</source>
        <translation>BatchNorm wie vortrainiert lassen</translation>
    </message>
    <message>
        <source>Score every item afterwards</source>
        <translation>Danach jedes Element bewerten</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Trainieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Head only (fast)</source>
        <translation>Nur Kopf (schnell)</translation>
    </message>
    <message>
        <source>Last blocks (partial)</source>
        <translation>Letzte Blöcke (teilweise)</translation>
    </message>
    <message>
        <source>Whole network (full)</source>
        <translation>Ganzes Netz (vollständig)</translation>
    </message>
    <message>
        <source>Pretrained model only (score, no training)</source>
        <translation>Nur vortrainiertes Modell (bewerten, kein Training)</translation>
    </message>
    <message>
        <source>Partial mode: how many of the last backbone blocks are retrained</source>
        <translation>Modus „teilweise“: wie viele der letzten Backbone-Blöcke neu trainiert werden</translation>
    </message>
    <message>
        <source>mode default</source>
        <translation>Standard des Modus</translation>
    </message>
    <message>
        <source>0 uses the mode&apos;s default: head 0.001, partial 0.0001, full 0.00005</source>
        <translation>0 verwendet den Standard des Modus: Kopf 0,001, teilweise 0,0001, vollständig 0,00005</translation>
    </message>
    <message>
        <source>Share of the labeled items held out to validate every epoch; the frames of a video and exact duplicates always stay on one side</source>
        <translation>Anteil der gelabelten Elemente, der zur Validierung jeder Epoche zurückgehalten wird; die Bilder eines Videos und exakte Duplikate bleiben immer auf einer Seite</translation>
    </message>
    <message>
        <source>Initial decision threshold (change it afterwards on the curve)</source>
        <translation>Anfängliche Entscheidungsschwelle (danach auf der Kurve änderbar)</translation>
    </message>
    <message>
        <source>SGD with momentum</source>
        <translation>SGD mit Momentum</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>Fine-tuning</source>
        <translation>Feinabstimmung</translation>
    </message>
    <message>
        <source>Retrain:</source>
        <translation>Neu trainieren:</translation>
    </message>
    <message>
        <source>Blocks:</source>
        <translation>Blöcke:</translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation>Epochen:</translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation>Lernrate:</translation>
    </message>
    <message>
        <source>Batch size:</source>
        <translation>Batchgröße:</translation>
    </message>
    <message>
        <source>Validation share:</source>
        <translation>Validierungsanteil:</translation>
    </message>
    <message>
        <source>Threshold:</source>
        <translation>Schwelle:</translation>
    </message>
    <message>
        <source>More options</source>
        <translation>Weitere Optionen</translation>
    </message>
    <message>
        <source>Optimizer:</source>
        <translation>Optimierer:</translation>
    </message>
    <message>
        <source>Early stop after:</source>
        <translation>Frühzeitig stoppen nach:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <source>Train in the background; labeling goes on meanwhile</source>
        <translation>Im Hintergrund trainieren; das Labeln geht währenddessen weiter</translation>
    </message>
    <message>
        <source>Evaluate and score</source>
        <translation>Auswerten und bewerten</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Start…</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Preparing</source>
        <translation>Vorbereitung</translation>
    </message>
    <message>
        <source>Computing backbone features</source>
        <translation>Backbone-Merkmale werden berechnet</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Evaluating</source>
        <translation>Auswertung</translation>
    </message>
    <message>
        <source>Scoring every item</source>
        <translation>Alle Elemente werden bewertet</translation>
    </message>
    <message>
        <source>%1, epoch %2</source>
        <translation>%1, Epoche %2</translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation>noch etwa %1</translation>
    </message>
    <message>
        <source>auto (head: 5, else 1)</source>
        <translation>automatisch (Kopf: 5, sonst 1)</translation>
    </message>
    <message>
        <source>Cross-validation: the labeled items are split into this many folds (a video&apos;s frames in one), one model per fold judges the items it did not train on, so every label gets an out-of-sample score for the curves, the confusion cells and the label-error audit. The run&apos;s model is then trained on all labels. 1: one validation split (the share below). Each fold costs a training run: cheap in head mode, long in partial and full.</source>
        <translation>Kreuzvalidierung: Die gelabelten Elemente werden in so viele Folds aufgeteilt (die Bilder eines Videos in denselben), und je Fold beurteilt ein Modell die Elemente, auf denen es nicht trainiert hat, sodass jedes Label einen Out-of-Sample-Score für die Kurven, die Zellen der Konfusionsmatrix und die Labelfehler-Prüfung erhält. Das Modell des Trainings wird danach auf allen Labels trainiert. 1: eine einzige Validierungsmenge (der Anteil unten). Jeder Fold kostet ein Training: günstig im Modus „Kopf“, lang bei „teilweise“ und „vollständig“.</translation>
    </message>
    <message>
        <source>Folds:</source>
        <translation>Folds:</translation>
    </message>
    <message>
        <source>auto (head: 30, else 10)</source>
        <translation>automatisch (Kopf: 30, sonst 10)</translation>
    </message>
    <message>
        <source>Stop after this many epochs in which neither the validation average precision nor the validation loss improved</source>
        <translation>Nach so vielen Epochen stoppen, in denen sich weder die Average Precision auf der Validierung noch der Validierungsverlust verbessert hat</translation>
    </message>
    <message>
        <source>Finding near-copies</source>
        <translation>Beinahe-Kopien werden gesucht</translation>
    </message>
    <message>
        <source>Default (%1)</source>
        <translation>Standard (%1)</translation>
    </message>
    <message>
        <source>The pretrained model to fine-tune (its profile says its input, classes and blocks)</source>
        <translation>Das feinabzustimmende vortrainierte Modell (sein Profil gibt Eingabe, Klassen und Blöcke an)</translation>
    </message>
    <message>
        <source>Constant</source>
        <translation>Konstant</translation>
    </message>
    <message>
        <source>Warm-up, then cosine decay</source>
        <translation>Aufwärmphase, dann Kosinus-Abfall</translation>
    </message>
    <message>
        <source>The learning rate over the steps: constant, or rising from 0 over the first tenth of the steps and then decaying along a cosine towards 0</source>
        <translation>Die Lernrate über die Schritte: konstant oder im ersten Zehntel der Schritte von 0 aus ansteigend und danach entlang einer Kosinuskurve gegen 0 abfallend</translation>
    </message>
    <message>
        <source>Partial and full: each block down the backbone learns at this times the rate of the block above it (1: one rate for the backbone)</source>
        <translation>Teilweise und vollständig: Jeder Block weiter unten im Backbone lernt mit der Rate des darüberliegenden Blocks mal diesem Faktor (1: eine einzige Rate für das Backbone)</translation>
    </message>
    <message>
        <source>Train towards 1 - e/2 and e/2 instead of 1 and 0 (0: off)</source>
        <translation>Auf 1 - e/2 und e/2 statt auf 1 und 0 hin trainieren (0: aus)</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <source>Schedule:</source>
        <translation>Lernratenplan:</translation>
    </message>
    <message>
        <source>Layer decay:</source>
        <translation>Layer Decay:</translation>
    </message>
    <message>
        <source>Label smoothing:</source>
        <translation>Label Smoothing:</translation>
    </message>
    <message>
        <source> of %1</source>
        <translation> von %1</translation>
    </message>
    <message>
        <source>Auto (tries head, partial and full)</source>
        <translation>Automatisch (probiert Kopf, teilweise und vollständig)</translation>
    </message>
    <message>
        <source>Head only trains the classifier on cached backbone features: an epoch takes seconds. Partial also retrains the last blocks of the backbone, full the whole network (minutes per epoch on a CPU). Auto tries them within the time budget and trains the one with the best validation AP. The pretrained model only evaluates and scores.</source>
        <translation>„Nur Kopf“ trainiert den Klassifikator auf zwischengespeicherten Backbone-Merkmalen: Eine Epoche dauert Sekunden. „Teilweise“ trainiert zusätzlich die letzten Blöcke des Backbones neu, „vollständig“ das ganze Netz (Minuten pro Epoche auf einer CPU). „Automatisch“ probiert sie innerhalb des Zeitbudgets aus und trainiert den Modus mit der besten Validierungs-AP. Mit dem vortrainierten Modell wird nur ausgewertet und bewertet.</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Auto: the time the whole run may take; half of it goes to trying candidates</source>
        <translation>Automatisch: die Zeit, die das gesamte Training dauern darf; die Hälfte davon geht in das Ausprobieren der Kandidaten</translation>
    </message>
    <message>
        <source>default (%1)</source>
        <translation>Standard (%1)</translation>
    </message>
    <message>
        <source>Partial and full: the head first trains alone this many epochs on the pretrained backbone&apos;s features, then the blocks train under it (0: off)</source>
        <translation>Teilweise und vollständig: Der Kopf trainiert zuerst so viele Epochen allein auf den Merkmalen des vortrainierten Backbones, danach trainieren die Blöcke darunter mit (0: aus)</translation>
    </message>
    <message>
        <source>Time budget:</source>
        <translation>Zeitbudget:</translation>
    </message>
    <message>
        <source>Head first (epochs):</source>
        <translation>Kopf zuerst (Epochen):</translation>
    </message>
    <message>
        <source>Decode big JPEGs at reduced scale</source>
        <translation>Große JPEGs verkleinert dekodieren</translation>
    </message>
    <message>
        <source>Faster training and scoring of big photos (libjpeg decodes them at 1/2, 1/4 or 1/8 of their size); the pictures are then not nsfwjs&apos;s, and scores move slightly. The run&apos;s model scores with it too.</source>
        <translation>Schnelleres Training und Bewerten großer Fotos (libjpeg dekodiert sie in 1/2, 1/4 oder 1/8 ihrer Größe); die Bilder sind dann nicht die von nsfwjs, und die Scores verschieben sich leicht. Das Modell des Laufs bewertet ebenfalls so.</translation>
    </message>
    <message>
        <source>Average each score with the mirror image&apos;s</source>
        <translation>Jede Bewertung mit der des Spiegelbilds mitteln</translation>
    </message>
    <message>
        <source>The model&apos;s own</source>
        <translation>Der des Modells</translation>
    </message>
    <message>
        <source>Linear, fitted as a probe first (LP-FT)</source>
        <translation>Linear, zuerst als Sonde angepasst (LP-FT)</translation>
    </message>
    <message>
        <source>Linear: the model&apos;s head is replaced by one linear layer onto safe and NSFW, fitted first as a logistic-regression probe on the frozen features; the blocks then train under it</source>
        <translation>Linear: der Kopf des Modells wird durch eine lineare Schicht auf unbedenklich und NSFW ersetzt, zuerst als logistische Regression auf den eingefrorenen Merkmalen angepasst; danach trainieren die Blöcke darunter</translation>
    </message>
    <message>
        <source>Weight averaging: each epoch is judged, and the run keeps, a moving average of the weights with this decay per step</source>
        <translation>Gewichtsmittelung: jede Epoche wird nach einem gleitenden Mittelwert der Gewichte mit diesem Abklingfaktor je Schritt bewertet, und der Lauf behält ihn</translation>
    </message>
    <message>
        <source>Mixup: train on blends of two pictures of a batch and of their labels, the share drawn from Beta(a, a)</source>
        <translation>Mixup: auf Mischungen zweier Bilder eines Stapels und ihrer Labels trainieren, der Anteil aus Beta(a, a) gezogen</translation>
    </message>
    <message>
        <source>Partial and full: the run, and its model wherever it scores, take the mean of each picture&apos;s score and its mirror image&apos;s (twice the scoring time)</source>
        <translation>Partial und full: der Lauf und sein Modell, wo immer es bewertet, nehmen das Mittel aus der Bewertung jedes Bildes und der seines Spiegelbilds (doppelte Bewertungszeit)</translation>
    </message>
    <message>
        <source>Head:</source>
        <translation>Kopf:</translation>
    </message>
    <message>
        <source>Weight averaging:</source>
        <translation>Gewichtsmittelung:</translation>
    </message>
    <message>
        <source>Mixup:</source>
        <translation>Mixup:</translation>
    </message>
    <message>
        <source>Fitting the linear head</source>
        <translation>Linearen Kopf anpassen</translation>
    </message>
    <message>
        <source>Train the final model on all labels</source>
        <translation>Das endgültige Modell auf allen Labels trainieren</translation>
    </message>
    <message>
        <source>Default (cosine; head mode: constant)</source>
        <translation>Voreinstellung (Kosinus; Modus Kopf: konstant)</translation>
    </message>
    <message>
        <source>Partial and full with one validation split: once the split has chosen the epoch, train the run&apos;s model again on every label, the validation pictures too, for that many epochs (about twice the time; the validation figures stay the split&apos;s)</source>
        <translation>Partial und full mit einer Validierungsaufteilung: sobald die Aufteilung die Epoche gewählt hat, das Modell des Laufs für so viele Epochen erneut auf allen Labels trainieren, auch den Validierungsbildern (etwa doppelte Zeit; die Validierungszahlen bleiben die der Aufteilung)</translation>
    </message>
    <message>
        <source>one model</source>
        <translation>ein Modell</translation>
    </message>
    <message>
        <source> models</source>
        <translation> Modelle</translation>
    </message>
    <message>
        <source>Partial and full: the final model is an ensemble of this many, each trained as the first with its own seed, averaging their scores (a training per model; the model grows by the layers they train)</source>
        <translation>Teilweise und vollständig: Das endgültige Modell ist ein Ensemble aus so vielen, jedes wie das erste mit eigenem Seed trainiert, das ihre Bewertungen mittelt (ein Training je Modell; das Modell wächst um die Schichten, die sie trainieren)</translation>
    </message>
    <message>
        <source>Ensemble:</source>
        <translation>Ensemble:</translation>
    </message>
</context>
<context>
    <name>nsfw::ui::TrainingPage</name>
    <message>
        <source>Label the most uncertain unlabeled items</source>
        <translation>Die unsichersten Elemente ohne Label labeln</translation>
    </message>
    <message>
        <source>Shows the unlabeled items in the Label tab, those whose score is closest to the threshold first: labeling them teaches the model most</source>
        <translation>Zeigt die Elemente ohne Label im Tab „Labeln“, die mit dem Score am nächsten an der Schwelle zuerst: ihre Labels bringen dem Modell am meisten bei</translation>
    </message>
    <message>
        <source>No run yet: choose the settings and press Train.</source>
        <translation>Noch kein Training: Einstellungen wählen und „Trainieren“ drücken.</translation>
    </message>
    <message>
        <source>Open a project first.</source>
        <translation>Öffnen Sie zuerst ein Projekt.</translation>
    </message>
    <message>
        <source>A run is already in progress.</source>
        <translation>Es läuft bereits ein Training.</translation>
    </message>
    <message>
        <source>Cannot train: %1.</source>
        <translation>Training nicht möglich: %1.</translation>
    </message>
    <message>
        <source>Starting a run…</source>
        <translation>Training wird gestartet…</translation>
    </message>
    <message>
        <source>Cancelling after the current batch…</source>
        <translation>Abbruch nach dem aktuellen Batch…</translation>
    </message>
    <message>
        <source>Run %1 in progress</source>
        <translation>Training %1 läuft</translation>
    </message>
    <message>
        <source>pretrained (epoch 0)</source>
        <translation>vortrainiert (Epoche 0)</translation>
    </message>
    <message>
        <source>epoch %1</source>
        <translation>Epoche %1</translation>
    </message>
    <message>
        <source>latest: %1</source>
        <translation>neueste: %1</translation>
    </message>
    <message>
        <source>best: %1</source>
        <translation>beste: %1</translation>
    </message>
    <message>
        <source>Run %1 finished in %2 s: best epoch %3, AP %4; %5 items scored.</source>
        <translation>Training %1 nach %2 s beendet: beste Epoche %3, AP %4; %5 Elemente bewertet.</translation>
    </message>
    <message>
        <source>Run %1 cancelled.</source>
        <translation>Training %1 abgebrochen.</translation>
    </message>
    <message>
        <source>Run failed: %1</source>
        <translation>Training fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>last: epoch %1</source>
        <translation>letzte: Epoche %1</translation>
    </message>
    <message>
        <source>pretrained model</source>
        <translation>vortrainiertes Modell</translation>
    </message>
    <message>
        <source>best: epoch %1</source>
        <translation>beste: Epoche %1</translation>
    </message>
    <message>
        <source>%1 — %2 validation items (%3 NSFW, %4 safe)</source>
        <translation>%1 — %2 Validierungselemente (%3 NSFW, %4 sicher)</translation>
    </message>
    <message>
        <source>compared with run %1</source>
        <translation>verglichen mit Training %1</translation>
    </message>
    <message>
        <source>false positives (labeled safe, score ≥ %1), highest score first</source>
        <translation>falsch positiv (als sicher gelabelt, Score ≥ %1), höchster Score zuerst</translation>
    </message>
    <message>
        <source>false negatives (labeled NSFW, score &lt; %1), lowest score first</source>
        <translation>falsch negativ (als NSFW gelabelt, Score &lt; %1), niedrigster Score zuerst</translation>
    </message>
    <message>
        <source>true positives (labeled NSFW, score ≥ %1), lowest score first</source>
        <translation>richtig positiv (als NSFW gelabelt, Score ≥ %1), niedrigster Score zuerst</translation>
    </message>
    <message>
        <source>true negatives (labeled safe, score &lt; %1), highest score first</source>
        <translation>richtig negativ (als sicher gelabelt, Score &lt; %1), höchster Score zuerst</translation>
    </message>
    <message numerus="yes">
        <source>Run %1 · %2 · %n item(s)</source>
        <translation>
            <numerusform>Training %1 · %2 · %n Element</numerusform>
            <numerusform>Training %1 · %2 · %n Elemente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) could not be read and were left out:</source>
        <translation>
            <numerusform>%n Element konnte nicht gelesen werden und wurde ausgelassen:</numerusform>
            <numerusform>%n Elemente konnten nicht gelesen werden und wurden ausgelassen:</numerusform>
        </translation>
    </message>
    <message>
        <source>Suspected label errors</source>
        <translation>Vermutete Labelfehler</translation>
    </message>
    <message>
        <source>Labels the run&apos;s out-of-sample scores say are probably wrong (confident learning), most suspect first. Relabel with the usual keys, or press K when the label is right. Train with folds so every label is judged.</source>
        <translation>Labels, die laut den Out-of-Sample-Scores des Trainings wahrscheinlich falsch sind (Confident Learning), die verdächtigsten zuerst. Mit den üblichen Tasten neu labeln oder K drücken, wenn das Label richtig ist. Mit Folds trainieren, damit jedes Label beurteilt wird.</translation>
    </message>
    <message>
        <source>%1 — every labeled item judged out-of-sample by %2 folds: %3 items (%4 NSFW, %5 safe)</source>
        <translation>%1 — jedes gelabelte Element out-of-sample beurteilt mit %2 Folds: %3 Elemente (%4 NSFW, %5 sicher)</translation>
    </message>
    <message>
        <source>AP %1 (95 % interval %2–%3)</source>
        <translation>AP %1 (95-%-Intervall %2–%3)</translation>
    </message>
    <message>
        <source>AP %1</source>
        <translation>AP %1</translation>
    </message>
    <message>
        <source>AP %1 (run %2) vs %3 (run %4), 95 % intervals</source>
        <translation>AP %1 (Training %2) vs. %3 (Training %4), 95-%-Intervalle</translation>
    </message>
    <message>
        <source>%1: run %2 is better beyond the noise of this evaluation.</source>
        <translation>%1: Training %2 ist besser, über die Streuung dieser Auswertung hinaus.</translation>
    </message>
    <message>
        <source>%1: this evaluation is too small to tell the two runs apart (each interval holds the other&apos;s AP). Label more items, or train with folds so every label is judged.</source>
        <translation>%1: Diese Auswertung ist zu klein, um die beiden Trainings zu unterscheiden (jedes Intervall enthält die AP des anderen). Labeln Sie mehr Elemente oder trainieren Sie mit Folds, damit jedes Label beurteilt wird.</translation>
    </message>
    <message>
        <source>Suspected label errors (%1 of about %2)</source>
        <translation>Vermutete Labelfehler (%1 von etwa %2)</translation>
    </message>
    <message>
        <source>every label judged out-of-sample by %1 folds</source>
        <translation>jedes Label out-of-sample beurteilt mit %1 Folds</translation>
    </message>
    <message>
        <source>only the validation split was judged: train with folds to audit every label</source>
        <translation>nur die Validierungsmenge wurde beurteilt: mit Folds trainieren, um jedes Label zu prüfen</translation>
    </message>
    <message numerus="yes">
        <source>Run %1 · %n suspected label error(s), most suspect first (%2) · relabel with the usual keys, K: the label is right</source>
        <translation>
            <numerusform>Training %1 · %n vermuteter Labelfehler, verdächtigste zuerst (%2) · mit den üblichen Tasten neu labeln, K: das Label ist richtig</numerusform>
            <numerusform>Training %1 · %n vermutete Labelfehler, verdächtigste zuerst (%2) · mit den üblichen Tasten neu labeln, K: das Label ist richtig</numerusform>
        </translation>
    </message>
    <message>
        <source>The confirmation could not be written: %1</source>
        <translation>Die Bestätigung konnte nicht geschrieben werden: %1</translation>
    </message>
</context>
<context>
    <name>nsfw::ui::VideoScoreStrip</name>
    <message numerus="yes">
        <source>Segment %1: %2 – %3, %n flagged frame(s), peak %4 at %5. Click to select its frames.</source>
        <translation>
            <numerusform>Segment %1: %2 – %3, %n markiertes Bild, Höchstwert %4 bei %5. Klicken, um seine Bilder auszuwählen.</numerusform>
            <numerusform>Segment %1: %2 – %3, %n markierte Bilder, Höchstwert %4 bei %5. Klicken, um seine Bilder auszuwählen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Frame at %1: score %2</source>
        <translation>Bild bei %1: Score %2</translation>
    </message>
    <message>
        <source>Frame at %1: not scored</source>
        <translation>Bild bei %1: nicht bewertet</translation>
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
    <message>
        <source>Scores of the sampled frames (green safe, red NSFW), segments of flagged frames (bars: click one to select its frames) and cuts (ticks)</source>
        <translation>Scores der entnommenen Bilder (grün sicher, rot NSFW), Segmente markierter Bilder (Balken: einen anklicken, um seine Bilder auszuwählen) und Schnitte (Striche)</translation>
    </message>
    <message>
        <source>The video&apos;s verdict from the latest scored run: its frames&apos; scores by the rule shown, and the segments of frames at or above the run&apos;s threshold</source>
        <translation>Das Urteil über das Video aus dem zuletzt bewerteten Training: die Scores seiner Bilder nach der angezeigten Regel und die Segmente der Bilder ab der Schwelle des Trainings</translation>
    </message>
    <message>
        <source>Run %1: %2</source>
        <translation>Training %1: %2</translation>
    </message>
</context>
</TS>
