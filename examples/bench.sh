#!/bin/sh
# bench.sh — mesure le temps (mur et processeur) et la mémoire de livret sur
# des fichiers nationaux synthétiques (internal/tools/synth) de 300 et
# 30 000 lieux, et compare avec WeasyPrint et Typst sur les mêmes 300 lieux.
#
#   examples/bench.sh            # 3 tours
#   RUNS=5 examples/bench.sh     # 5 tours
#   GRAND=non examples/bench.sh  # sans le guide national de 30 000 lieux
#   WEASYPRINT=non examples/bench.sh   # sans la comparaison WeasyPrint
#   TYPST=non examples/bench.sh        # sans la comparaison Typst
#   LOT=oui examples/bench.sh          # et livret lot --par epci sur toute la France
#   AVANT=/tmp/livret-avant examples/bench.sh  # et un autre livret, pour avant → après
#                                              # (avec LOT=oui, le lot aussi)
#
# Les cas sont mesurés en tours entrelacés (un passage de chaque cas par
# tour) : sur une machine partagée, la charge touche ainsi tous les cas à
# peu près de même. Chaque ligne du tableau donne aussi le rapport de son
# temps processeur à celui d'un pair mesuré dans les mêmes tours, plus
# fiable qu'un temps seul.
#
# Il faut Go, et /usr/bin/time (paquet Debian « time ») : le script
# l'installe avec apt-get s'il manque et s'il en a le droit ; de même pour
# le paquet « weasyprint ». Typst 0.14 est celui du paquet npm
# @myriaddreamin/typst-ts-node-compiler, que le script installe avec npm
# dans TYPST_MODULES (par défaut ~/.cache/livret/bench-typst) s'il n'y est
# pas ; sans node ou sans npm, la comparaison est sautée. Les fichiers vont
# dans un dossier temporaire, supprimé à la fin.
set -eu

self=$(cd "$(dirname "$0")" && pwd)/$(basename "$0")
cd "$(dirname "$0")/.."

# The cases, each a function run once per round.
guide() { "$work/livret" guide --date 2026-11-23 --sortie "$work/guide.pdf" "$@"; }
case_tagged300() { guide --source "$work/national-300.csv"; }
case_untagged300() { guide --source "$work/national-300.csv" --non-balise; }
case_epci() { guide --source "$work/national-30000.csv" --epci "Bordeaux Métropole"; }
# The 18 régions: the whole of France, one guide per EPCI, by livret
# or by another (lot BINARY).
lot() {
	rm -rf "$work/lot"
	bin=$1
	set --
	for r in 01 02 03 04 06 11 24 27 28 32 44 52 53 75 76 84 93 94; do set -- "$@" --region "$r"; done
	"$bin" lot --date 2026-11-23 --silencieux --source "$work/national-30000.csv" --par epci --dossier "$work/lot" "$@"
}
case_lot() { lot "$work/livret"; }
case_tagged30000() { guide --source "$work/national-30000.csv"; }
case_weasyprint() { weasyprint -q "$work/guide.html" "$work/weasyprint.pdf"; }
case_weasyprintua() { weasyprint -q --pdf-variant pdf/ua-1 "$work/guide.html" "$work/weasyprint-ua.pdf"; }
typst() { NODE_PATH="$TYPST_MODULES/node_modules" node examples/typst-peer.cjs "$work/guide.typ" "$work/typst.pdf" fonts "$@"; }
case_typst() { typst balise; }
case_typstuntagged() { typst non-balise; }
before() { "$AVANT" guide --date 2026-11-23 --sortie "$work/avant.pdf" "$@"; }
case_tagged300before() { before --source "$work/national-300.csv"; }
case_epcibefore() { before --source "$work/national-30000.csv" --epci "Bordeaux Métropole"; }
case_lotbefore() { lot "$AVANT"; }

# /usr/bin/time runs a program, not a function: the script runs itself
# for each case, with the case and its folder in the environment.
if [ -n "${BENCH_CASE:-}" ]; then
	work=$BENCH_WORK
	"case_$BENCH_CASE"
	exit
fi

RUNS=${RUNS:-3}
GRAND=${GRAND:-oui}
WEASYPRINT=${WEASYPRINT:-oui}
TYPST=${TYPST:-oui}
LOT=${LOT:-non}
TYPST_MODULES=${TYPST_MODULES:-${XDG_CACHE_HOME:-$HOME/.cache}/livret/bench-typst}
export TYPST_MODULES # for the cases, run by a new shell
typstPackage=@myriaddreamin/typst-ts-node-compiler
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
if [ "$WEASYPRINT" = oui ] && ! need weasyprint weasyprint; then
	echo "WeasyPrint absent (apt-get install weasyprint) : comparaison sautée." >&2
	WEASYPRINT=non
fi
# hasTypst tells whether node finds the Typst package in TYPST_MODULES.
hasTypst() {
	command -v node >/dev/null 2>&1 &&
		NODE_PATH="$TYPST_MODULES/node_modules" node -e "require('$typstPackage')" >/dev/null 2>&1
}
if [ "$TYPST" = oui ] && ! hasTypst && command -v npm >/dev/null 2>&1; then
	echo "Installation du paquet npm « $typstPackage » dans $TYPST_MODULES…" >&2
	mkdir -p "$TYPST_MODULES"
	npm install --prefix "$TYPST_MODULES" --no-audit --no-fund --silent "$typstPackage@0.7" >/dev/null 2>&1 || true
fi
if [ "$TYPST" = oui ] && ! hasTypst; then
	echo "Typst absent (il faut node et npm install $typstPackage) : comparaison sautée." >&2
	TYPST=non
fi

echo "Construction de livret et des fichiers synthétiques…" >&2
go build -o "$work/livret" ./cmd/livret
for n in 300 30000; do
	go run ./internal/tools/synth -n "$n" -o "$work/national-$n.csv"
done
if [ "$WEASYPRINT" = oui ]; then
	go run ./internal/tools/guidehtml -source "$work/national-300.csv" -date 2026-11-23 -o "$work/guide.html"
fi
if [ "$TYPST" = oui ]; then
	go run ./internal/tools/guidehtml -source "$work/national-300.csv" -date 2026-11-23 -format typst -o "$work/guide.typ"
fi

cases="tagged300 untagged300 epci"
[ "$GRAND" = oui ] && cases="$cases tagged30000"
[ "$LOT" = oui ] && cases="$cases lot"
[ "$WEASYPRINT" = oui ] && cases="$cases weasyprint weasyprintua"
[ "$TYPST" = oui ] && cases="$cases typst typstuntagged"
[ -n "${AVANT:-}" ] && cases="$cases tagged300before epcibefore"
[ -n "${AVANT:-}" ] && [ "$LOT" = oui ] && cases="$cases lotbefore"

round=0
while [ "$round" -lt "$RUNS" ]; do
	round=$((round + 1))
	echo "Tour $round sur $RUNS…" >&2
	for key in $cases; do
		BENCH_CASE=$key BENCH_WORK=$work /usr/bin/time -f "%e %U %S %M" -o "$work/time" sh "$self" >/dev/null 2>"$work/err" || {
			echo "Échec du cas $key :" >&2
			cat "$work/err" >&2
			exit 1
		}
		cat "$work/time" >>"$work/times-$key"
	done
done

# row KEY NAME PEER PEERNAME prints one row of the table: wall time, CPU
# time (user + system) and peak resident memory, lowest – highest, and the
# ratio of the median CPU time to that of the peer.
row() {
	awk -v name="$2" -v peername="${4:-}" -v pf="$work/times-${3:-none}" '
		function median(a, n,   i, j, t) {
			for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
			return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
		}
		function fr(x, d) { x = sprintf("%." d "f", x); gsub(/\./, ",", x); return x }
		FNR == NR { n++; wall[n] = $1; cpu[n] = $2 + $3; rss[n] = $4 / 1024; next }
		{ m++; peer[m] = $2 + $3 }
		END {
			wmin = wmax = wall[1]; cmin = cmax = cpu[1]; rmin = rmax = rss[1]
			for (i = 2; i <= n; i++) {
				if (wall[i] < wmin) wmin = wall[i]; if (wall[i] > wmax) wmax = wall[i]
				if (cpu[i] < cmin) cmin = cpu[i]; if (cpu[i] > cmax) cmax = cpu[i]
				if (rss[i] < rmin) rmin = rss[i]; if (rss[i] > rmax) rmax = rss[i]
			}
			ratio = ""
			if (m > 0) ratio = "× " fr(median(cpu, n) / median(peer, m), 2) " " peername
			printf "| %s | %s – %s s | %s – %s s | %d – %d Mio | %s |\n", name, fr(wmin, 2), fr(wmax, 2), fr(cmin, 2), fr(cmax, 2), rmin, rmax, ratio
		}' "$work/times-$1" "$( [ -n "${3:-}" ] && echo "$work/times-$3" || echo /dev/null)"
}

echo
tours="$RUNS tours"
[ "$RUNS" = 1 ] && tours="1 tour"
echo "| cas ($tours : plus court – plus long) | temps | temps processeur | mémoire max | processeur, rapport au pair |"
echo "|---|---|---|---|---|"
row tagged300 "livret : 300 lieux, PDF balisé"
row untagged300 "livret : 300 lieux, PDF non balisé" tagged300 "du PDF balisé"
row epci "livret : 283 lieux (Bordeaux Métropole) choisis parmi 30 000" tagged300 "des 300 lieux seuls"
if [ "$GRAND" = oui ]; then
	row tagged30000 "livret : 30 000 lieux, PDF balisé" tagged300 "des 300 lieux (100 fois moins)"
fi
if [ "$LOT" = oui ]; then
	row lot "livret lot --par epci : toute la France, un guide par EPCI" epci "d’une intercommunalité"
fi
if [ -n "${AVANT:-}" ]; then
	row tagged300 "livret : 300 lieux, PDF balisé, par rapport à $AVANT" tagged300before "de l’autre"
	row epci "livret : Bordeaux Métropole parmi 30 000, par rapport à $AVANT" epcibefore "de l’autre"
	if [ "$LOT" = oui ]; then
		row lot "livret lot --par epci : toute la France, par rapport à $AVANT" lotbefore "de l’autre"
	fi
fi
if [ "$WEASYPRINT" = oui ]; then
	row weasyprint "WeasyPrint $(weasyprint --version | cut -d' ' -f3) : les mêmes 300 lieux en HTML" untagged300 "de livret non balisé"
	row weasyprintua "WeasyPrint : les mêmes, --pdf-variant pdf/ua-1" tagged300 "de livret balisé"
fi
if [ "$TYPST" = oui ]; then
	v=$(NODE_PATH="$TYPST_MODULES/node_modules" node -p "require('$typstPackage/package.json').version")
	row typst "Typst 0.14 ($typstPackage $v) : les mêmes 300 lieux, PDF balisé" tagged300 "de livret balisé"
	row typstuntagged "Typst 0.14 : les mêmes, PDF non balisé" untagged300 "de livret non balisé"
fi
