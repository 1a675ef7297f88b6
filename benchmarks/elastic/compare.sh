#!/usr/bin/env bash
# Runs the same searches against the local index and a cluster holding its export, and compares the
# totals and the facet counts (value by value). Exits 1 when any search differs.
#
#   benchmarks/elastic/compare.sh --elasticsearch http://localhost:9200 [--es-index news] [--index DIR] [--queries FILE]
#
# The queries file has one search a line: the query, then optional search options after a tab
# (for example "ban<TAB>--group LeT --from 2016"). Without one, the built-in list below is used.
# SEARCH names the search command (default: `search`; e.g. SEARCH="dotnet run --project src/Search.Cli --").
# The API key, if the cluster needs one, comes from SEARCH_ES_API_KEY.
set -euo pipefail

url="" es_index="news" index_args=() queries=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --elasticsearch) url="$2"; shift 2 ;;
    --es-index) es_index="$2"; shift 2 ;;
    --index) index_args=(--index "$2"); shift 2 ;;
    --queries) queries="$2"; shift 2 ;;
    *) echo "Unknown option '$1'; see the usage at the top of $0." >&2; exit 2 ;;
  esac
done
[[ -n "$url" ]] || { echo "Give the cluster with --elasticsearch URL." >&2; exit 2; }
command -v jq >/dev/null || { echo "This script needs jq (apt-get install jq)." >&2; exit 2; }
read -r -a search <<< "${SEARCH:-search}"

default_queries=$'\n'$'LeT\n''"drone strike"'$'\nban\t--group LeT --group JeM\nattack\t--from 2016 --to 2020\n'$'speaker:miller\nTTP\t--speaker "Shehbaz Sharif"\n''"unclosed AND ('
list="${queries:+$(cat "$queries")}"
list="${list:-$default_queries}"

# One line per number that should agree: total, then facet=value:count, sorted.
summary() { jq -r '"total:\(.total)", (.facets[] | .name as $f | .values[] | "\($f)=\(.value):\(.count)")' | sort; }

failed=0 runs=0
while IFS=$'\t' read -r query options; do
  eval "extra=(${options:-})"
  local_out=$("${search[@]}" "${index_args[@]}" --json -n 0 "${extra[@]}" -- "$query" | summary)
  cluster_out=$("${search[@]}" --elasticsearch "$url" --es-index "$es_index" --json -n 0 "${extra[@]}" -- "$query" | summary)
  runs=$((runs + 1))
  if [[ "$local_out" == "$cluster_out" ]]; then
    printf 'same     %-40s %s\n' "${query:-(browse)} ${options:-}" "$(head -1 <<< "$local_out")"
  else
    failed=$((failed + 1))
    printf 'DIFFERS  %s %s\n' "${query:-(browse)}" "${options:-}"
    diff <(echo "$local_out") <(echo "$cluster_out") | sed 's/^/         /' || true
  fi
done <<< "$list"

echo "$((runs - failed)) of $runs searches agree on totals and facet counts."
[[ $failed -eq 0 ]]
