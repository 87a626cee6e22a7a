# Sourced by ./mvnw, ./demo and .ci/run: points JAVA_HOME (and PATH) at a JDK 21 or newer, which Zvonok needs; the machine's
# default java may be older. Tried in order: $JAVA_HOME, the java on the PATH, every JDK under /usr/lib/jvm.

jdk_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1
}

pick_jdk() {
  local on_path="" candidate major
  if command -v java >/dev/null 2>&1; then
    on_path=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  fi
  for candidate in "${JAVA_HOME:-}" "$on_path" /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    major=$(jdk_major "$candidate")
    if [ "${major:-0}" -ge 21 ] 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

JAVA_HOME=$(pick_jdk) || {
  echo "Zvonok needs a JDK 21 or newer and found none (looked at JAVA_HOME, the PATH's java, /usr/lib/jvm/*)." >&2
  echo "Install one: on Debian 12, which ships only 17, Temurin 21 (https://adoptium.net, an apt repository);" >&2
  echo "elsewhere openjdk-21-jdk (Debian 13, Ubuntu 22.04 and newer). It is found under /usr/lib/jvm, or set JAVA_HOME." >&2
  exit 1
}
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
