#!/usr/bin/env bash
# Runs the image tarball with no container engine, to see it work where Docker is not at hand:
# its layers unpacked into a folder, and its entry point started there in a chroot, as the image's
# user, with the image's environment, on a read-only root with a fresh /tmp. Linux, as root
# (unshare gives the run its own mounts and processes), python3 to read the image's config.
#
#   KEYS=~/.confio/keys DB_URL=jdbc:postgresql://127.0.0.1:54329/confio DB_USER=postgres \
#     DB_PASSWORD= CONFIO_ADMIN_PASSWORD=... deploy/image/run-without-engine.sh [image.tar] [args...]
#
# The member shares the machine's network: it listens on 8080 and 6900 (add --nocluster to run it
# alone). Ctrl-C stops it; the unpacked folder is removed.
set -euo pipefail
image=${1:-target/confio-activity-image.tar}
shift || true
: "${KEYS:?KEYS names the folder that holds jwt-private.pem and jwt-public.pem}"
work=$(mktemp -d)
trap 'umount -R "$work/root" 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$work/image" "$work/root"
tar -xf "$image" -C "$work/image"
config() { python3 -c "import json,sys; c=json.load(open('$work/image/config.json'))['config']; $1" ; }
for layer in $(python3 -c "import json; print(' '.join(json.load(open('$work/image/manifest.json'))[0]['Layers']))"); do
  tar -xzf "$work/image/$layer" -C "$work/root"
done
user=$(config "print(c['User'])")
mapfile -t entrypoint < <(config "print('\n'.join(c['Entrypoint']))")
mapfile -t environment < <(config "print('\n'.join(c['Env']))")
for name in DB_URL DB_USER DB_PASSWORD CONFIO_ADMIN_PASSWORD; do
  [[ -v $name ]] && environment+=("$name=${!name}")
done
mkdir -p "$work/root"/{proc,dev,run/secrets/confio,etc}
touch "$work/root/etc/hosts" "$work/root/etc/resolv.conf"
printf '%s\0' "${environment[@]}" > "$work/environment"
exec unshare --mount --pid --fork --kill-child bash -euc '
  root=$1; keys=$2; user=$3; environment=$4; shift 4
  mapfile -d "" -t variables < "$environment"
  mount --bind "$root" "$root"
  mount --bind /etc/hosts "$root/etc/hosts"
  mount --bind /etc/resolv.conf "$root/etc/resolv.conf"
  mount --bind "$keys" "$root/run/secrets/confio"
  mount --rbind /dev "$root/dev"
  mount -t proc proc "$root/proc"
  mount -o remount,bind,ro "$root"
  mount -t tmpfs -o mode=1777 tmpfs "$root/tmp"
  exec env -i "${variables[@]}" "$(command -v chroot)" --userspec="$user" "$root" "$@"
' run "$work/root" "$KEYS" "$user" "$work/environment" "${entrypoint[@]}" "$@"
