// Who runs a job: this process's identity (pid, host, a random token per runner) and the rule that tells a
// job running in another live process from one whose process died. Imports: node:crypto, node:os, pid.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { pidAlive } from '../pid.ts';

/** The running process refreshes its jobs' heartbeat this often... */
export const HEARTBEAT_INTERVAL_MS = 2000;
/**
 * ...and another process treats a job as orphaned once its heartbeat is this old. Generous next to the
 * interval: a busy machine (two cores, a parse worker, an index build) delays timers by seconds, and marking a
 * live job interrupted would let a resume run it twice.
 */
export const HEARTBEAT_STALE_MS = 15_000;

export interface JobOwner {
  pid: number;
  host: string;
  token: string;
}

export interface OwnerRecord {
  pid: number | null;
  host: string | null;
  heartbeatAt: number | null;
}

export function newOwner(): JobOwner {
  return { pid: process.pid, host: hostname(), token: randomUUID() };
}

/**
 * A job is running elsewhere while its owner's heartbeat is fresh and, when the owner is on this host, its
 * process still exists (a killed process is seen at once, not 15 s later). Jobs without an owner were
 * written before owners existed, by a process that is gone.
 */
export function ownerIsLive(owner: OwnerRecord, wallNow: number): boolean {
  if (owner.pid === null || owner.heartbeatAt === null) return false;
  if (owner.host === hostname() && !pidAlive(owner.pid)) return false;
  return wallNow - owner.heartbeatAt <= HEARTBEAT_STALE_MS;
}
