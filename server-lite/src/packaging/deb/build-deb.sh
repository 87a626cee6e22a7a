#!/bin/bash
# Builds zvonok-server_VERSION_ARCH.deb from the staged tree beside this script, a Java runtime made by jlink (no JRE
# dependency) and server-lite's jar. Run by the installer profile:
#   ./mvnw -B -pl server-lite -am -Pinstaller -DskipTests package   ->  server-lite/target/installer/
# Arguments: VERSION JDK_HOME JAR README OUTPUT_DIR
set -euo pipefail
version=$1 jdk=$2 jar=$3 readme=$4 out=$5
here=$(cd "$(dirname "$0")" && pwd)

# What server-lite uses of the JDK (jdeps --print-module-deps, less the tools it lists for optional code paths):
# java.desktop for java.beans (Jackson, jOOQ), jdk.charsets for Windows-1251 imports, jdk.crypto.ec for TLS to a
# database, jdk.management for the JVM metrics, jdk.zipfs for reading the migrations out of the jar.
modules=java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.scripting,java.security.jgss,java.sql,java.xml,jdk.charsets,jdk.crypto.ec,jdk.management,jdk.unsupported,jdk.zipfs

command -v dpkg-deb >/dev/null || { echo "build-deb: dpkg-deb is needed (Debian's dpkg package)" >&2; exit 1; }
arch=$(dpkg --print-architecture)
stage=$out/zvonok-server
rm -rf "$stage"
mkdir -p "$out"
cp -a "$here/root" "$stage"

lib=$stage/usr/lib/zvonok-server
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --compress=zip-6 \
    --output "$lib/runtime"
install -m 0644 "$jar" "$lib/server-lite.jar"
install -d "$stage/usr/share/doc/zvonok-server"
install -m 0644 "$readme" "$stage/usr/share/doc/zvonok-server/README.md"

install -d "$stage/DEBIAN"
install -m 0755 "$here/debian/postinst" "$here/debian/prerm" "$here/debian/postrm" "$stage/DEBIAN/"
install -m 0644 "$here/debian/conffiles" "$stage/DEBIAN/"
size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@INSTALLED_SIZE@/$size/" \
    "$here/debian/control.in" >"$stage/DEBIAN/control"
(cd "$stage" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum) \
    >"$stage/DEBIAN/md5sums"

# what git or a umask left: directories and programs 0755, everything else 0644
find "$stage" -type d -exec chmod 0755 {} +
find "$stage" -type f ! -perm -u+x -exec chmod 0644 {} +
find "$stage" -type f -perm -u+x -exec chmod 0755 {} +

deb=$out/zvonok-server_${version}_${arch}.deb
dpkg-deb --root-owner-group -Zxz --build "$stage" "$deb" >/dev/null
echo "build-deb: $deb ($(du -h "$deb" | cut -f1), installed $((size / 1024)) MB)"
