#!/usr/bin/env bash
# Source it: a single-node Slurm cluster in a temporary folder, without systemd and without an
# accounting database, for tests. Needs root (slurmd starts job steps as the submitting user) and
# Debian's munge, slurmctld, slurmd and slurm-client.
#   slurm_start DIR     writes DIR/munge.key and DIR/slurm.conf, starts munged, slurmctld and
#                       slurmd (PIDs in SLURM_TEST_PIDS), exports SLURM_CONF, waits until the
#                       node is idle
#   slurm_stop          stops the daemons slurm_start started, by PID (call it from an EXIT trap)
# The daemons listen on ports picked free at start, so a site's own Slurm is not disturbed.

SLURM_TEST_PIDS=()

slurm_fail() {
    echo "single-node slurm: $*" >&2
    return 1
}

slurm_check_prerequisites() {
    [ "$(id -u)" -eq 0 ] || slurm_fail "must run as root (slurmd runs each job as its user); CI runs as root" || return 1
    local program missing=()
    for program in munged mungekey slurmctld slurmd sbatch squeue scontrol; do
        command -v "$program" >/dev/null || missing+=("$program")
    done
    [ ${#missing[@]} -eq 0 ] ||
        slurm_fail "missing ${missing[*]}: install munge slurmctld slurmd slurm-client (scripts/setup.sh does)"
}

# A TCP port nobody listens on, from the range above the usual ones.
slurm_free_port() {
    local port
    for port in $(shuf -i 20000-29999 -n 50); do
        ss -Hltn "sport = :$port" | grep -q . || { echo "$port"; return 0; }
    done
    slurm_fail "no free port found"
}

slurm_write_conf() {
    local dir="$1" host node_line
    host="$(hostname -s)"
    # The node as slurmd sees it (CPUs, sockets, cores, threads, RealMemory); a node declared
    # with more than it has is drained as "Low RealMemory" or "Low socket*core*thread count".
    node_line="$(slurmd -C | head -n 1)"
    cat >"$dir/slurm.conf" <<CONF
ClusterName=dossier-test
SlurmctldHost=$host
SlurmctldPort=$(slurm_free_port)
SlurmdPort=$(slurm_free_port)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$dir/munge.socket
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
SwitchType=switch/none
ReturnToService=2
SchedulerType=sched/backfill
MinJobAge=600
$node_line State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
}

slurm_start() {
    local dir="$1"
    slurm_check_prerequisites || return 1
    mkdir -p "$dir/state" "$dir/spool"
    chmod 700 "$dir"
    mungekey --create --keyfile="$dir/munge.key" >/dev/null 2>&1 ||
        dd if=/dev/urandom of="$dir/munge.key" bs=1024 count=1 status=none
    chmod 400 "$dir/munge.key"
    munged --foreground --force --socket="$dir/munge.socket" --key-file="$dir/munge.key" \
        --pid-file="$dir/munged.pid" --log-file="$dir/munged.log" --seed-file="$dir/munged.seed" \
        >"$dir/munged.out" 2>&1 &
    SLURM_TEST_PIDS+=($!)
    slurm_write_conf "$dir" || return 1
    export SLURM_CONF="$dir/slurm.conf"
    slurm_wait_for "munged" 10 test -S "$dir/munge.socket" || return 1
    slurmctld -D -i -f "$SLURM_CONF" >"$dir/slurmctld.out" 2>&1 &
    SLURM_TEST_PIDS+=($!)
    slurm_wait_for "slurmctld" 20 scontrol ping || return 1
    slurmd -D -f "$SLURM_CONF" >"$dir/slurmd.out" 2>&1 &
    SLURM_TEST_PIDS+=($!)
    slurm_wait_for "the node to be idle" 30 slurm_node_idle || return 1
}

slurm_node_idle() {
    sinfo -h -o '%T' 2>/dev/null | grep -qx idle
}

# slurm_wait_for WHAT SECONDS COMMAND...: polls COMMAND every half second.
slurm_wait_for() {
    local what="$1" seconds="$2" tries
    shift 2
    for ((tries = 0; tries < seconds * 2; tries++)); do
        "$@" >/dev/null 2>&1 && return 0
        sleep 0.5
    done
    slurm_fail "gave up waiting $seconds s for $what; logs in $(dirname "${SLURM_CONF:-.}")"
}

slurm_stop() {
    local pid index
    # Reverse order: slurmd, then slurmctld, then munged, which the other two need to shut down.
    for ((index = ${#SLURM_TEST_PIDS[@]} - 1; index >= 0; index--)); do
        pid="${SLURM_TEST_PIDS[$index]}"
        kill -TERM "$pid" 2>/dev/null || continue
        for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    SLURM_TEST_PIDS=()
}
