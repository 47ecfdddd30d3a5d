#!/usr/bin/python3
"""Runs a sharded Dossier run on Dask: one `dossier extract-shard RUN/plan.tsv --shard I` task
per shard, then `dossier merge RUN/ -o PROJECT` once every shard succeeded.

    run_shards.py --local N     --shards K --run RUN/ -o PROJECT.dossier [FILES|FOLDERS...]
    run_shards.py --scheduler tcp://HOST:8786 --shards K --run RUN/ -o PROJECT.dossier [...]

With FILES or FOLDERS it first runs `dossier plan ... --shards K -o RUN/`; without, it runs the
plan already in RUN/. --local N starts a LocalCluster of N single-threaded workers on this
machine; --scheduler connects to a running `dask scheduler` whose workers (`dask worker ADDRESS`
on each machine) see RUN/, the inputs and the dossier program (--dossier) at the same paths.
A failed shard is reported with its index, exit code and error output; the merge then does not
run and the exit status is 1; once the cause is fixed, --missing runs again only the shards
`dossier plan --missing RUN/` lists, then merges. Uses Debian's python3-distributed: run it with /usr/bin/python3."""
import argparse
import os
import shutil
import socket
import subprocess
import sys
import time

from distributed import Client, LocalCluster, as_completed


def run_command(command, set_aside=None):
    """Runs on a worker: the command's exit code, the tail of its error output, where and how long.
    On failure the file set_aside names (a shard file) is moved into RUN/failed/: exit 2 leaves a
    complete shard without the inputs that failed, which must count as missing for a rerun."""
    started = time.monotonic()
    finished = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              text=True, errors="replace", check=False)
    if finished.returncode != 0 and set_aside and os.path.exists(set_aside):
        aside = os.path.join(os.path.dirname(set_aside), "failed")
        os.makedirs(aside, exist_ok=True)
        os.replace(set_aside, os.path.join(aside, os.path.basename(set_aside)))
    return {"exit": finished.returncode, "stderr": finished.stderr[-4000:],
            "host": socket.gethostname(), "seconds": time.monotonic() - started}


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    engine = parser.add_mutually_exclusive_group(required=True)
    engine.add_argument("--scheduler", help="address of a running Dask scheduler")
    engine.add_argument("--local", type=int, metavar="N", help="start a LocalCluster of N workers")
    parser.add_argument("--shards", type=int, required=True, metavar="K")
    parser.add_argument("--run", required=True, help="the run folder (RUN/plan.tsv, RUN/shard-I.dossier)")
    parser.add_argument("-o", "--output", required=True, help="the merged project")
    parser.add_argument("--dossier", default=shutil.which("dossier"), help="the dossier program")
    parser.add_argument("--jobs", type=int, default=1, metavar="N",
                        help="threads of each shard and of the merge (default 1: one per worker)")
    parser.add_argument("--missing", action="store_true",
                        help="run only the shards `dossier plan --missing RUN/` lists")
    parser.add_argument("inputs", nargs="*", help="files or folders to plan")
    arguments = parser.parse_args()
    if not arguments.dossier:
        parser.error("no dossier program on PATH; give --dossier PATH")
    arguments.dossier = os.path.abspath(arguments.dossier)
    arguments.run = os.path.abspath(arguments.run)
    return arguments


def plan(arguments):
    if arguments.inputs:
        inputs = [os.path.abspath(path) for path in arguments.inputs]
        subprocess.run([arguments.dossier, "plan", *inputs, "--shards", str(arguments.shards),
                        "-o", arguments.run + "/"], check=True)
    elif not os.path.isfile(os.path.join(arguments.run, "plan.tsv")):
        sys.exit(f"run_shards: no inputs given and no {arguments.run}/plan.tsv to run")
    if arguments.missing:
        listed = subprocess.run([arguments.dossier, "plan", "--missing", arguments.run],
                                check=True, capture_output=True, text=True).stdout
        return [int(word) for word in listed.replace(",", " ").split() if word.isdigit()]
    return list(range(arguments.shards))


def run_shards(client, arguments, shards):
    """Submits every shard; prints each as it ends; returns the failed ones as (index, result)."""
    plan_file = os.path.join(arguments.run, "plan.tsv")
    futures = {}
    for index in shards:
        command = [arguments.dossier, "extract-shard", plan_file, "--shard", str(index),
                   "--jobs", str(arguments.jobs)]
        shard_file = os.path.join(arguments.run, f"shard-{index}.dossier")
        futures[client.submit(run_command, command, shard_file,
                              key=f"dossier-shard-{index}-{time.time_ns()}", pure=False)] = index
    failed = []
    for future in as_completed(futures):
        index, result = futures[future], future.result()
        if result["exit"] == 0:
            print(f"shard {index} done on {result['host']} in {result['seconds']:.1f} s", flush=True)
            continue
        failed.append((index, result))
        print(f"shard {index} FAILED (exit {result['exit']} on {result['host']}):", flush=True)
        for line in result["stderr"].strip().splitlines()[-5:]:
            print(f"    {line}", flush=True)
    return sorted(failed, key=lambda item: item[0])


def merge(client, arguments):
    command = [arguments.dossier, "merge", arguments.run, "-o", os.path.abspath(arguments.output),
               "--jobs", str(arguments.jobs)]
    result = client.submit(run_command, command, key=f"dossier-merge-{time.time_ns()}",
                           pure=False).result()
    if result["exit"] != 0:
        print(f"merge FAILED (exit {result['exit']} on {result['host']}):\n{result['stderr']}",
              flush=True)
        return 1
    print(f"merge done on {result['host']} in {result['seconds']:.1f} s: {arguments.output}")
    return 0


def main():
    arguments = parse_arguments()
    shards = plan(arguments)
    if arguments.local:
        cluster = LocalCluster(n_workers=arguments.local, threads_per_worker=1,
                               dashboard_address=None, processes=True)
        client = Client(cluster)
    else:
        cluster, client = None, Client(arguments.scheduler)
    try:
        failed = run_shards(client, arguments, shards)
        if failed:
            indices = ",".join(str(index) for index, _ in failed)
            print(f"{len(failed)} of {len(shards)} shards failed ({indices}); not merging. "
                  "Once fixed, run again with --missing", flush=True)
            return 1
        return merge(client, arguments)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


if __name__ == "__main__":
    sys.exit(main())
