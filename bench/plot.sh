#!/bin/bash
# Draws RESULTS_DIR/throughput.png from RESULTS_DIR/plot.dat (written by bench/table.py):
# requests per second, log scale, Diwan / WordPress / Waline at 8 and 32 connections and the
# nginx ceiling (same bytes where there is a static copy, else nginx's small static file).
set -euo pipefail
dir=$1
gnuplot <<GP
set terminal pngcairo size 1100,560 font "sans,10"
set output "$dir/throughput.png"
set title "Throughput on 2 shared vCPUs, wrk on loopback (higher is better; log scale)"
set ylabel "requests per second"
set logscale y
set yrange [0.5:*]
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.85 border -1
set key outside right top vertical
set grid ytics
set datafile missing "NaN"
plot "$dir/plot.dat" using 2:xtic(1) title "Diwan, 8 conns" lc rgb "#1b7837", \
     "" using 3 title "Diwan, 32 conns" lc rgb "#5aae61", \
     "" using 4 title "WordPress, 8" lc rgb "#2166ac", \
     "" using 5 title "WordPress, 32" lc rgb "#67a9cf", \
     "" using 6 title "Waline, 8" lc rgb "#b2182b", \
     "" using 7 title "Waline, 32" lc rgb "#ef8a62", \
     "" using 8 title "nginx ceiling, 32" lc rgb "#777777"
GP
