#!/usr/bin/env bash
# Régénère toutes les sorties d’exemple à partir de l’exemple intégré (387 lieux réels de
# Nouvelle-Aquitaine), dans examples/sorties/, et les vignettes du README dans examples/apercus/.
# Les vignettes demandent pdftoppm (apt-get install -y poppler-utils).
#
# Utilisation : examples/generer.sh
set -euo pipefail
cd "$(dirname "$0")/.."

out=examples/sorties
thumbs=examples/apercus
mkdir -p "$out" "$thumbs"
bin=$(mktemp -d)/livret
go build -o "$bin" ./cmd/livret
date=2026-11-23 # une date fixe : mêmes données, mêmes fichiers

run() { echo "+ livret $*"; "$bin" "$@" 2>&1 | sed 's/^/    /'; }

run guide --epci "Bordeaux Métropole" --date $date --indicateurs --sortie "$out/guide-bordeaux-metropole.pdf"
run guide --epci "Bordeaux Métropole" --date $date --format A5 --livret --sortie "$out/guide-a5-bordeaux-metropole.pdf"
run guide --commune Pessac --date $date --modele bordeaux-metropole --fond ivoire --police atkinson \
	--sortie "$out/guide-pessac-ivoire-atkinson.pdf"
run guide --departement Gironde --par service --service demarches --date $date --sortie "$out/guide-gironde-demarches.pdf"
run depliant --autour "Saint-Médard-en-Jalles" --rayon 5 --date $date --sortie "$out/depliant-saint-medard.pdf"
run fiches --commune Pessac --date $date --sortie "$out/fiches-pessac.pdf"
run exporter --epci "Bordeaux Métropole" --sortie "$out/lieux-bordeaux-metropole.xlsx"
run exporter --epci "Bordeaux Métropole" --format csv --sortie "$out/lieux-bordeaux-metropole.csv"
run indicateurs --epci "Bordeaux Métropole" --sortie "$out/indicateurs-bordeaux-metropole.xlsx"
run indicateurs --epci "Bordeaux Métropole" --date $date --sortie "$out/indicateurs-bordeaux-metropole.pdf"
run lot --departement 33 --date $date --dossier "$out/lot-gironde"
run verifier --sortie "$out/rapport-exemple.txt"

if ! command -v pdftoppm >/dev/null; then
	echo "pdftoppm absent : vignettes non régénérées (apt-get install -y poppler-utils)" >&2
	exit 0
fi
thumb() { # fichier page nom
	pdftoppm -png -r 40 -f "$2" -l "$2" -singlefile "$out/$1" "$thumbs/$3"
	echo "vignette : $thumbs/$3.png"
}
thumb guide-bordeaux-metropole.pdf 1 guide-couverture
thumb guide-bordeaux-metropole.pdf 3 guide-mode-d-emploi
thumb guide-bordeaux-metropole.pdf 15 guide-lieux
thumb guide-a5-bordeaux-metropole-livret.pdf 1 livret-a5
thumb depliant-saint-medard.pdf 1 depliant
thumb fiches-pessac.pdf 1 fiche
thumb indicateurs-bordeaux-metropole.pdf 1 indicateurs
thumb guide-pessac-ivoire-atkinson.pdf 6 guide-ivoire-atkinson
# The map pages move with what comes before them: found by their titles.
pageof() { pdftotext "$out/$1" - | awk -v t="$2" 'BEGIN { p = 1 } /\f/ { p++; gsub(/\f/, "") } $0 == t { print p; exit }'; }
thumb guide-bordeaux-metropole.pdf "$(pageof guide-bordeaux-metropole.pdf 'Carte des lieux')" guide-carte
thumb guide-bordeaux-metropole.pdf "$(pageof guide-bordeaux-metropole.pdf 'Carte, détail 1')" guide-carte-detail
