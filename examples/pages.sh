#!/usr/bin/env bash
# Mesure le papier qu’un guide demande sur des territoires réels : pages du guide, lieux, pages par
# lieu (tout compris : couverture, mode d’emploi, sommaire, carte, index, notes, à propos), et les
# fiches coupées par « (suite) ». Les chiffres sont reportés dans le README (« Combien de papier »).
# Demande pdfinfo (apt-get install -y poppler-utils).
#
# Utilisation : examples/pages.sh
set -euo pipefail
cd "$(dirname "$0")/.."

national=testdata/donnees/national-v0.1-2023-02-06.json
paca=testdata/donnees/paca-v0.1-2023-05-17.json
bin=$(mktemp -d)/livret
go build -o "$bin" ./cmd/livret
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

printf '%-40s %6s %6s %12s %8s\n' "guide" "lieux" "pages" "pages/lieu" "(suite)"
measure() { # titre, options…
	local title=$1
	shift
	local log=$tmp/log pdf=$tmp/guide.pdf
	"$bin" guide --date 2026-12-01 --sortie "$pdf" "$@" >"$log" 2>&1
	local places pages splits
	places=$(grep '^Sélection' "$log" | head -1 | tr -cd '0-9 ;' | cut -d';' -f1 | tr -d ' ')
	pages=$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')
	splits=$(grep -c 'continue sur la page suivante' "$log" || true)
	printf '%-40s %6s %6s %12s %8s\n' "$title" "$places" "$pages" \
		"$(awk -v p="$pages" -v n="$places" 'BEGIN { printf "%.2f", p / n }')" "$splits"
}
measure "Hérault, A4" --source "$national" --departement 34
measure "Hérault, A4, sans index des communes" --source "$national" --departement 34 --sans-index-communes
measure "Hérault, A4, 24 pt" --source "$national" --departement 34 --taille 24
measure "Isère, A4" --source "$national" --departement 38
measure "Isère par service, A4" --source "$national" --departement 38 --par service
measure "Marseille, A5" --source "$paca" --commune Marseille --format A5
measure "Marseille, A5, sans index des lieux" --source "$paca" --commune Marseille --format A5 --sans-index-lieux
measure "Isère par service, A5" --source "$national" --departement 38 --par service --format A5
measure "Bordeaux Métropole, A5 (exemple intégré)" --epci "Bordeaux Métropole" --format A5
measure "Charente (16), A4" --source "$national" --departement 16
