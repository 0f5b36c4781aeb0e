# Sourced by ./genai and ./mvnw (POSIX sh): points JAVA_HOME at a JDK 25 or newer, whatever java is
# on the PATH. Takes $JAVA_HOME when it is 25+, else the first /usr/lib/jvm/*25* (or newer) with
# java and javac; when none is found it says what to install, in its first line, and exits 1.

genai_java_major() {  # the major version of the java at $1, or nothing
  "$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

genai_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    genai_v="$(genai_java_major "$JAVA_HOME/bin/java")"
    if [ -n "$genai_v" ] && [ "$genai_v" -ge 25 ]; then echo "$JAVA_HOME"; return; fi
  fi
  for genai_d in /usr/lib/jvm/*25* /usr/lib/jvm/*2[6-9]* /usr/lib/jvm/*3[0-9]*; do
    if [ -x "$genai_d/bin/java" ] && [ -x "$genai_d/bin/javac" ]; then
      genai_v="$(genai_java_major "$genai_d/bin/java")"
      if [ -n "$genai_v" ] && [ "$genai_v" -ge 25 ]; then echo "$genai_d"; return; fi
    fi
  done
}

genai_jdk="$(genai_find_jdk)"
if [ -z "$genai_jdk" ]; then
  cat >&2 <<'MSG'
genai4j needs a JDK 25 or newer, and none was found (looked at $JAVA_HOME and /usr/lib/jvm/*25*).
  Install one (for example Eclipse Temurin 25 from https://adoptium.net, or your distribution's
  openjdk-25-jdk package) and set JAVA_HOME to it.
MSG
  exit 1
fi
JAVA_HOME="$genai_jdk"
export JAVA_HOME
unset genai_jdk genai_v genai_d
