# Sourced by bench/ack.sh and bench/pipeline.sh: installs what is missing (wrk from Debian, @slack/bolt from npm),
# builds this tree's jars, the Bolt-for-Java floor and, with --baseline GIT_REF, that ref in a directory of its own
# (a `git archive` of the commit, kept in ${TMPDIR:-/tmp}/rootbot-baseline-COMMIT for the next run; the repository's
# worktrees are left alone).
# Sets TREES to LABEL=DIRECTORY pairs, the baseline first; --java-opts-baseline FLAGS adds this tree run with
# ROOTBOT_JAVA_OPTS=FLAGS instead of the launcher's JVM flags, e.g. " " for the JVM's own defaults.
prepare() {
  local root baseline="" java_opts_baseline=""
  root=$(cd "$here/.." && pwd)
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --baseline) [[ $# -ge 2 ]] || { echo "--baseline needs a git ref, e.g. --baseline main" >&2; exit 2; }
                  baseline=$2; shift 2 ;;
      --java-opts-baseline)
                  [[ $# -ge 2 ]] || { echo "--java-opts-baseline needs JVM flags (\" \" for the JVM's own)" >&2; exit 2; }
                  java_opts_baseline=$2; shift 2 ;;
      *) echo "unknown argument '$1'; usage: $0 [--baseline GIT_REF] [--java-opts-baseline FLAGS]" >&2; exit 2 ;;
    esac
  done
  if ! command -v wrk >/dev/null; then
    echo "Installing wrk (Debian)..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -q wrk >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null; }
  fi
  if [[ ! -d "$here/bolt-js/node_modules/@slack/bolt" ]]; then
    echo "Installing @slack/bolt (npm, as locked in bench/bolt-js/package-lock.json)..." >&2
    (cd "$here/bolt-js" && npm ci --no-audit --no-fund --silent)
  fi
  echo "Building this tree and the Bolt-for-Java floor..." >&2
  (cd "$root" && mvn -q -DskipTests package)
  mvn -q -f "$here/bolt-java/pom.xml" package
  TREES=()
  if [[ -n "$baseline" ]]; then
    local commit tree
    commit=$(git -C "$root" rev-parse --verify "$baseline^{commit}") \
      || { echo "--baseline: '$baseline' is not a commit of this repository" >&2; exit 2; }
    tree="${TMPDIR:-/tmp}/rootbot-baseline-${commit:0:12}"
    if [[ ! -f "$tree/bot/target/rootbot.jar" ]]; then
      echo "Building the baseline $baseline (${commit:0:12}) in $tree..." >&2
      rm -rf "$tree" && mkdir -p "$tree"
      git -C "$root" archive "$commit" | tar -x -C "$tree"
      (cd "$tree" && mvn -q -DskipTests package)
    fi
    TREES+=("rootbot@${baseline}=$tree")
  fi
  if [[ -n "$java_opts_baseline" ]]; then
    local label="rootbot-jvm-defaults"
    [[ -z "${java_opts_baseline// /}" ]] || label="rootbot-other-flags"
    TREES+=("$label=$root=$java_opts_baseline")
  fi
  TREES+=("rootbot=$root")
}
