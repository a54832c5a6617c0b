#!/bin/sh
# bench.sh — mesure le temps et la mémoire de livret sur des fichiers
# nationaux synthétiques (internal/tools/synth) de 300 et 30 000 lieux, et
# compare avec WeasyPrint sur les mêmes 300 lieux.
#
#   examples/bench.sh            # 3 mesures par cas
#   RUNS=5 examples/bench.sh     # 5 mesures par cas
#   WEASYPRINT=non examples/bench.sh   # sans la comparaison WeasyPrint
#
# Il faut Go, et /usr/bin/time (paquet Debian « time ») : le script
# l'installe avec apt-get s'il manque et s'il en a le droit ; de même pour
# le paquet « weasyprint ». Les fichiers vont dans un dossier temporaire,
# supprimé à la fin.
set -eu

cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
WEASYPRINT=${WEASYPRINT:-oui}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# need installs a Debian package when a command is missing.
need() {
	command -v "$1" >/dev/null 2>&1 && return 0
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		echo "Installation du paquet Debian « $2 » (apt-get install -y $2)…" >&2
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
		return 0
	fi
	return 1
}
if ! need /usr/bin/time time; then
	echo "Il faut /usr/bin/time : apt-get install time" >&2
	exit 1
fi

echo "Construction de livret et des fichiers synthétiques…" >&2
go build -o "$work/livret" ./cmd/livret
for n in 300 30000; do
	go run ./internal/tools/synth -n "$n" -o "$work/national-$n.csv"
done

# measure NAME COMMAND… runs COMMAND RUNS times and prints one row of the
# table (Markdown): wall time and peak resident memory, lowest – highest.
measure() {
	name=$1
	shift
	: >"$work/times"
	i=0
	while [ "$i" -lt "$RUNS" ]; do
		/usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/err" || {
			echo "Échec de : $*" >&2
			cat "$work/err" >&2
			exit 1
		}
		cat "$work/time" >>"$work/times"
		i=$((i + 1))
	done
	sort -n "$work/times" | awk -v name="$name" '
		NR == 1 { tmin = $1; mmin = $2; mmax = $2 }
		{ tmax = $1; if ($2 < mmin) mmin = $2; if ($2 > mmax) mmax = $2 }
		END {
			t = sprintf("%.2f – %.2f", tmin, tmax); gsub(/\./, ",", t)
			printf "| %s | %s s | %d – %d Mio |\n", name, t, mmin / 1024, mmax / 1024
		}'

	sort -n "$work/times" | head -1 | cut -d' ' -f1 >"$work/best-$(echo "$name" | tr -c 'a-zA-Z0-9' '_')"
}

best() { cat "$work/best-$(echo "$1" | tr -c 'a-zA-Z0-9' '_')"; }

set -- "$work/livret" guide --date 2026-11-23 --sortie "$work/guide.pdf" # the command measured

echo
echo "| cas ($RUNS mesures : plus court – plus long) | temps | mémoire max |"
echo "|---|---|---|"
measure "livret : 300 lieux, PDF balisé" "$@" --source "$work/national-300.csv"
measure "livret : 300 lieux, PDF non balisé" "$@" --source "$work/national-300.csv" --non-balise
measure "livret : 283 lieux (Bordeaux Métropole) parmi 30 000" "$@" --source "$work/national-30000.csv" --epci "Bordeaux Métropole"
measure "livret : 30 000 lieux, PDF balisé" "$@" --source "$work/national-30000.csv"

if [ "$WEASYPRINT" = non ]; then
	exit 0
fi
if ! need weasyprint weasyprint; then
	echo "WeasyPrint absent (apt-get install weasyprint) : comparaison sautée." >&2
	exit 0
fi
go run ./internal/tools/guidehtml -source "$work/national-300.csv" -date 2026-11-23 -o "$work/guide.html"
measure "WeasyPrint $(weasyprint --version | cut -d' ' -f3) : les mêmes 300 lieux en HTML" \
	weasyprint -q "$work/guide.html" "$work/weasyprint.pdf"
measure "WeasyPrint : les mêmes, --pdf-variant pdf/ua-1" \
	weasyprint -q --pdf-variant pdf/ua-1 "$work/guide.html" "$work/weasyprint-ua.pdf"

echo
awk -v a="$(best "livret : 300 lieux, PDF non balisé")" -v b="$(best "WeasyPrint $(weasyprint --version | cut -d' ' -f3) : les mêmes 300 lieux en HTML")" \
	-v c="$(best "livret : 300 lieux, PDF balisé")" -v d="$(best "WeasyPrint : les mêmes, --pdf-variant pdf/ua-1")" 'BEGIN {
	r = sprintf("WeasyPrint / livret (meilleurs temps) : %.0f fois sans balisage, %.0f fois en PDF/UA", b / a, d / c)
	print r
}'
