# Incident Atlas : le texte de la fenêtre en français.
# Chaque clé doit aussi figurer dans en.ftl (un test le vérifie).
# Les types d'événements et sous-types ACLED ne sont jamais traduits : ils
# restent en anglais, comme dans la norme de codage ACLED.

## Barre d'outils

language-label = Langue
toolbar-zoom-in = Zoom avant
toolbar-zoom-out = Zoom arrière
toolbar-fit = Cadrer sur l'affichage
toolbar-fit-hover = Cadrer la carte sur les incidents affichés
toolbar-filters-panel = Panneau Filtres
toolbar-list-panel = Panneau Liste
toolbar-details-panel = Panneau Détails
toolbar-review = { $n ->
    [one] Revue ({ $n } restant)
   *[other] Revue ({ $n } restants)
}
toolbar-review-hover = Parcourir les incidents affichés non vérifiés, du moins fiable au plus fiable : A accepter, D écarter, C corriger, N/P suivant/précédent, Échap quitter
toolbar-undo = Annuler

## Panneaux latéraux et carte

panel-import = Importer un rapport
panel-export = Exporter
panel-picture = Image de la carte
map-window-shown = { $n ->
    [one] { $window } · { $n } affiché
   *[other] { $window } · { $n } affichés
}
nearby-title = Près de ce point
legend-title = Légende
markers-zoom-hover = Cliquer pour zoomer sur ces incidents

## Erreurs signalées par la fenêtre (la cause après les deux-points vient du domaine)

error-deleting = suppression : { $error }
error-saving-place = enregistrement du lieu : { $error }
error-reading-gazetteer = relecture du répertoire des lieux : { $error }
error-reading-report = lecture du rapport : { $error }
error-undoing = annulation : { $error }
error-accepting = acceptation : { $error }
error-saving = enregistrement : { $error }
error-searching = recherche : { $error }
error-reading-incidents = lecture des incidents : { $error }
place-added = { $name } ajouté au répertoire des lieux.
reread-done = Rapport relu : { $done }.
reread-failed = Relecture du rapport : { $error }
outside-added = { $n ->
    [one] { $n } incident ajouté à cette base par un autre programme.
   *[other] { $n } incidents ajoutés à cette base par un autre programme.
}
outside-removed = { $n ->
    [one] { $n } incident retiré de cette base par un autre programme.
   *[other] { $n } incidents retirés de cette base par un autre programme.
}
outside-changed = Des incidents ont été modifiés dans cette base par un autre programme.

## Niveaux de confiance

confidence-high = élevée
confidence-medium = moyenne
confidence-low = faible

## Filtres

filters-heading = Filtres
filters-clear = Effacer les filtres
filters-match = { $shown ->
    [one] { $shown } incident sur { $total } correspond
   *[other] { $shown } incidents sur { $total } correspondent
}
filters-search = Rechercher
filters-search-hint = mots des rapports ou des notes
filters-event-types = Types d'événements
filters-actor = Acteur
filters-actor-hint = partie d'un nom
filters-country = Pays
filters-admin1 = Admin 1
filters-min-deaths = Morts min.
filters-geo-precision = Précision géographique
filters-time-precision = Précision temporelle
filters-unreviewed = Non vérifiés seulement
filters-any = Tous
filter-geo-exact = Le lieu même (1)
filter-geo-near = Près du lieu (2)
filter-geo-region = Région seulement (3)
filter-time-day = Jour exact (1)
filter-time-week = Dans la semaine (2)
filter-time-month = Dans le mois (3)

## Liste des incidents

list-heading = Incidents
list-date = Date
list-deaths = Morts
list-place-type = Lieu · type
list-confidence = Conf.
list-ascending = (croiss.)
list-descending = (décr.)
list-ok = vérifié
list-confidence-hover = confiance { $level } : { $why } ({ $reviewed })
nothing-doubtful = rien ne le rend douteux
list-reviewed = vérifié
list-not-reviewed = pas encore vérifié

## Détails

details-heading = Incident
details-empty = Cliquez sur un marqueur de la carte ou une ligne de la liste pour voir ses détails.
details-found-by-search = Trouvé par la recherche
details-show-on-map = Voir sur la carte
details-clear-selection = Désélectionner
details-delete = Supprimer l'incident
details-reread = Relire le rapport
details-corrected = Corrigé à la main : { $fields } (conservé quand le rapport est relu)
details-whole-report = Rapport complet
details-also-reported = Également rapporté par ({ $n })
details-report-ref = { $source } (rapport n° { $id })
details-not-a-number = « { $text } » n'est pas un nombre de morts
details-confidence = Confiance : { $level }
details-reviewed = Vérifié : accepté par un analyste
details-not-reviewed = Pas encore vérifié
details-mark-reviewed = Marquer comme vérifié
details-not-reported = non rapporté
details-no-report-text = Le texte du rapport n'est pas disponible.
not-a-date = « { $text } » n'est pas une date comme 2024-03-23
field-date = Date
field-time-precision = Précision temporelle
field-place = Lieu
field-geo-precision = Précision géographique
field-point = Point
field-country = Pays
field-admin1 = Admin 1
field-admin2 = Admin 2
field-event-type = Type d'événement
field-sub-type = Sous-type
field-actor1 = Acteur 1
field-actor2 = Acteur 2
field-fatalities = Morts
field-weapons = Armes
field-source = Source
field-notes = Notes
field-evidence = Extrait
precision-time-day = jour exact
precision-time-week = dans la semaine
precision-time-month = dans le mois
precision-geo-exact = le lieu même
precision-geo-near = près du lieu
precision-geo-region = région seulement
snippet-in-report = dans son rapport :
snippet-in-fields = dans ses champs :

## Lieux candidats et répertoire des lieux

review-candidates = Lieux candidats
review-no-place = Le répertoire des lieux ne connaît aucun lieu nommé « { $name } ».
review-current = { $text } (actuel)
review-use = Utiliser ce lieu
review-why = Pourquoi
review-region-unknown = région inconnue
review-curated = ajouté à la main : { $source }
review-from = de { $source }
reverse-outside = En dehors des frontières fournies.
reverse-none = Le répertoire des lieux ne connaît aucun lieu près d'ici.
reverse-move = Déplacer l'incident sélectionné ici
curation-add-here = Ajouter un lieu ici…
curation-name = Nom
curation-alternates = Autres noms
curation-country-code = Code pays
curation-source = Source
curation-add = Ajouter le lieu
curation-needed = Un nom et une source sont nécessaires.

## Bandeau de revue

queue-title = Revue
queue-left = { $n ->
    [one] { $n } restant
   *[other] { $n } restants
}
queue-showing = (numéro { $p } affiché)
queue-accept = Accepter (A)
queue-dismiss = Écarter (D)
queue-correct = Corriger (C)
queue-previous = Précédent (P)
queue-next = Suivant (N)
queue-leave = Quitter la revue (Échap)
queue-done = Plus rien à vérifier parmi les incidents affichés.
queue-start = Appuyez sur N pour commencer par le premier incident de la file.
queue-confidence = confiance { $level }

## Annuler

undo-deleted = Supprimé : { $type } à { $place }
undo-accepted = Accepté : { $type } à { $place }
undo-edited = Modifié : { $type } à { $place }

## Import

import-heading = Importer un rapport
import-text = Texte du rapport
import-text-hint = Collez un article de presse ici…
import-published = Publié le
import-ingest = Intégrer
import-date-hint = AAAA-MM-JJ
import-from-file = Depuis un fichier…
import-file-hint = rapport.txt ; acled.csv ; couche.geojson ou un dossier
import-ingest-file = Intégrer le fichier
import-pick-hover = Choisir un rapport (.txt) ou une table d'incidents (.csv, .geojson)
import-progress = { $done } fichiers sur { $total }
import-duplicate = Ce rapport est déjà enregistré (rapport n° { $id }) ; rien de nouveau n'a été ajouté.
import-no-date = aucune date de publication trouvée
import-published-on = publié le { $date }
import-stored = { $n ->
    [one] Rapport n° { $id } enregistré ({ $published }) : { $n } incident extrait.
   *[other] Rapport n° { $id } enregistré ({ $published }) : { $n } incidents extraits.
}
import-incident-line = • { $date } { $type } à { $place }
import-to-check = À vérifier :
import-stopped = l'import s'est arrêté avant la fin
import-failed = L'import a échoué : { $error }
import-reading-folder = lecture du dossier { $path } : { $error }
import-no-reports = { $path } ne contient aucun rapport .txt
import-files-read = { $files ->
    [one] { $files } fichier lu : { $incidents } incident(s) enregistré(s), { $failed } en échec.
   *[other] { $files } fichiers lus : { $incidents } incident(s) enregistré(s), { $failed } en échec.
}
import-already-stored = déjà enregistré
incident-count = { $n ->
    [one] { $n } incident
   *[other] { $n } incidents
}

## Export

export-format = Format
export-file = Fichier
export-pick-hover = { $n ->
    [one] Choisir le dossier et le nom, puis l'incident affiché y est écrit
   *[other] Choisir le dossier et le nom, puis les { $n } incidents affichés y sont écrits
}
export-button = Exporter en { $format }
export-hover = { $n ->
    [one] Écrit l'incident affiché sur la carte
   *[other] Écrit les { $n } incidents affichés sur la carte
}
export-writing = { $n ->
    [one] Écriture de { $n } incident dans { $path }…
   *[other] Écriture de { $n } incidents dans { $path }…
}
export-wrote = { $n ->
    [one] { $n } incident écrit dans { $path }
   *[other] { $n } incidents écrits dans { $path }
}
export-stopped = l'export s'est arrêté avant la fin ; le fichier n'a pas été remplacé

## Sélecteur de fichiers

dialog-import-title = Importer un rapport ou une table d'incidents
dialog-export-title = Exporter les incidents affichés
dialog-picture-title = Enregistrer l'image de la carte
dialog-mbtiles-title = Ouvrir un fond de carte MBTiles
dialog-import-button = Choisir le fichier du rapport…
dialog-export-button = Choisir le fichier d'export…
dialog-picture-button = Choisir le fichier de l'image…
dialog-mbtiles-button = Choisir le fichier de tuiles…
dialog-open = Ouvrir
dialog-save = Enregistrer
dialog-cancel = Annuler
dialog-new-folder = Nouveau dossier
dialog-new-folder-name = Nouveau dossier
dialog-rename = Renommer
dialog-file = Fichier :
dialog-show-hidden = Afficher les fichiers cachés
dialog-refresh = Actualiser
dialog-parent = Dossier parent

## Fond de carte

basemap-label = Fond de carte
basemap-outlines = Contours hors ligne
basemap-mbtiles = Fichier MBTiles…
basemap-osm = OpenStreetMap (en ligne)
basemap-tiles-file = Fichier de tuiles
basemap-open = Ouvrir les tuiles
basemap-attribution = Fond de carte MBTiles hors ligne

## Image de la carte

picture-title-label = Titre de l'image
picture-file-label = Fichier de l'image
picture-print = Deux fois la résolution de l'écran (impression)
picture-save = Enregistrer l'image de la carte
picture-taking = Prise de l'image…
picture-no-screenshot = la fenêtre n'a fourni aucune capture (ce moteur de rendu ne le permet peut-être pas)
picture-not-drawn = la carte n'a pas encore été dessinée
picture-saving = Enregistrement de l'image de la carte dans { $path }…
picture-saved = Image de la carte ({ $width }×{ $height } pixels) enregistrée dans { $path }
picture-failed = l'image de la carte n'a pas pu être peinte
picture-credit-osm = © contributeurs d'OpenStreetMap
picture-credits = Frontières : Natural Earth · Lieux : GeoNames (CC BY 4.0) · Réalisé avec Incident Atlas
picture-credits-tiles = Frontières : Natural Earth · Lieux : GeoNames (CC BY 4.0) · Tuiles : { $tiles } · Réalisé avec Incident Atlas
picture-all-dates = Toutes les dates
picture-shown = { $n ->
    [one] { $when } · { $n } incident affiché
   *[other] { $when } · { $n } incidents affichés
}

## Frise chronologique

timeline-shown = { $shown ->
    [one] { $window } · { $shown } incident affiché sur { $total }
   *[other] { $window } · { $shown } incidents affichés sur { $total }
}
timeline-empty = Aucun incident pour l'instant : collez un rapport à gauche et appuyez sur Intégrer.
timeline-from = Du
timeline-to = Au
timeline-from-date = Date de début
timeline-to-date = Date de fin
timeline-not-a-date = { $name } : « { $text } » n'est pas une date. Saisissez-la sous la forme { $forms }.
timeline-play = Lecture
timeline-pause = Pause
timeline-space = Espace
timeline-step-back = Pas en arrière
timeline-left-arrow = Flèche gauche
timeline-step-forward = Pas en avant
timeline-right-arrow = Flèche droite
timeline-step = Pas
timeline-speed = pas/s
timeline-frame = Fenêtre
timeline-frame-hover = Combien de pas couvre chaque image de la lecture
timeline-sliding = Glissante
timeline-cumulative = Cumulée
timeline-follow = La carte suit
timeline-follow-hover = Déplacer la carte vers les incidents de chaque image pendant la lecture
timeline-bars = Barres
timeline-all-dates = Toutes les dates
step-day = Jour
step-week = Semaine
step-month = Mois
step-days = { $n ->
    [one] jour
   *[other] jours
}
step-weeks = { $n ->
    [one] semaine
   *[other] semaines
}
step-months = { $n ->
    [one] mois
   *[other] mois
}
basemap-hover = OpenStreetMap télécharge les tuiles depuis tile.openstreetmap.org et les garde en cache sur le disque ; les deux autres fonctionnent hors ligne.
details-reread-hover = Extraire à nouveau le rapport avec les règles et le répertoire des lieux actuels ; vos corrections et suppressions sont conservées
picture-save-hover = La carte telle qu'affichée, avec le titre, la période, la légende, une échelle, une flèche du nord et les sources des données

# L'axe des dates de la frise : mois abrégés.
month-short-1 = janv.
month-short-2 = févr.
month-short-3 = mars
month-short-4 = avr.
month-short-5 = mai
month-short-6 = juin
month-short-7 = juil.
month-short-8 = août
month-short-9 = sept.
month-short-10 = oct.
month-short-11 = nov.
month-short-12 = déc.

# Pourquoi un codage est douteux (enregistré en anglais, montré dans la langue de la fenêtre).
reason-place-absent = le lieu cité n'est pas dans le répertoire ; une unité plus large a été codée
reason-one-namesake = un autre lieu porte le même nom
reason-namesakes = { $n } autres lieux portent le même nom
reason-date-from-weekday = le jour est déduit d'un jour de la semaine
reason-date-from-other-sentence = la date vient d'une autre phrase
reason-date-from-publication = aucune date dans le texte ; la date de publication a été utilisée
reason-actor-unnamed = les assaillants ne sont pas nommés
reason-toll-vague = le bilan est une quantité vague
reason-toll-claimed = le bilan ne vient que d'une revendication
reason-outside-country = point situé : { $inside } ; pays indiqué : { $stated } ; vérifiez ses coordonnées
