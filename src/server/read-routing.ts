/**
 * Where the public read paths (search, vacancy, company and school pages, sitemaps) send their
 * queries when a streaming replica is configured (DATABASE_REPLICA_URL): to the replica while it
 * answers and keeps up, to the primary otherwise. Everything else — writes, dashboards, cabinets,
 * jobs — always uses the primary, so people read their own writes there.
 *
 * Public pages are cached and dropped after the writes that change them; the render that follows
 * such a drop must not read a replica that has not replayed the write yet, or it would cache the
 * old page again. So after a write that drops public pages (`noteWrite`), this process reads the
 * primary for `afterWriteMs`, which is at least the lag the replica is allowed (`maxLagMs`). The
 * replica's health and lag are probed at most every `probeIntervalMs`, in the background: a replica
 * that does not answer, is not in recovery (promoted or misconfigured) or lags more than `maxLagMs`
 * is left aside until a probe finds it well again. Until the first probe has answered, the primary
 * serves.
 */

export interface ReplicaState {
  /** Seconds the replica is behind the primary (0 when it has replayed everything it received). */
  lagSeconds: number;
  /** Whether the server is a standby at all. */
  inRecovery: boolean;
}

export interface ReadRoutingOptions {
  maxLagMs: number;
  afterWriteMs: number;
  probeIntervalMs: number;
  now?: () => number;
  /** Reports the replica's state; throws when it cannot be reached. */
  probe: () => Promise<ReplicaState>;
  /** Told when the replica is left aside or taken back (for the server log). */
  onChange?: (healthy: boolean, reason: string) => void;
}

export const DEFAULT_READ_ROUTING = { maxLagMs: 5_000, afterWriteMs: 5_000, probeIntervalMs: 2_000 } as const;

export class ReadRouter<Client> {
  private healthy = false;
  private lastProbeAt = Number.NEGATIVE_INFINITY;
  private probing: Promise<void> | null = null;
  private primaryUntil = Number.NEGATIVE_INFINITY;
  private readonly now: () => number;

  constructor(
    private readonly primary: Client,
    private readonly replica: Client | null,
    private readonly options: ReadRoutingOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** The client for a public read made now. */
  client(): Client {
    if (this.replica === null) return this.primary;
    const now = this.now();
    if (now - this.lastProbeAt >= this.options.probeIntervalMs) void this.probeNow();
    return this.healthy && now >= this.primaryUntil ? this.replica : this.primary;
  }

  /** After a committed write whose public pages were dropped: read the primary for a while. */
  noteWrite(): void {
    if (this.replica !== null) this.primaryUntil = this.now() + this.options.afterWriteMs;
  }

  /** Probes the replica (at most one probe at a time) and settles whether it serves. */
  probeNow(): Promise<void> {
    this.probing ??= (async () => {
      this.lastProbeAt = this.now();
      let healthy: boolean;
      let reason: string;
      try {
        const state = await this.options.probe();
        healthy = state.inRecovery && state.lagSeconds * 1000 <= this.options.maxLagMs;
        reason = !state.inRecovery ? "not a standby" : `lag ${state.lagSeconds.toFixed(1)} s`;
      } catch (error) {
        healthy = false;
        reason = error instanceof Error ? error.message : String(error);
      }
      if (healthy !== this.healthy) this.options.onChange?.(healthy, reason);
      this.healthy = healthy;
    })().finally(() => {
      // The next probe is due an interval after this one answered (a slow replica is not piled on).
      this.lastProbeAt = this.now();
      this.probing = null;
    });
    return this.probing;
  }

  /** Whether the replica serves reads now (for tests and the benchmark's report). */
  get replicaServing(): boolean {
    return this.replica !== null && this.healthy && this.now() >= this.primaryUntil;
  }
}

/**
 * The probe's query, on the replica: whether it is a standby, and how far behind its replay is.
 * A standby that has replayed all it received is current (an idle primary sends nothing, so the
 * time of the last replayed transaction would say nothing about lag).
 */
export const REPLICA_STATE_SQL = `SELECT pg_is_in_recovery() AS in_recovery,
  CASE WHEN NOT pg_is_in_recovery() OR pg_last_wal_receive_lsn() IS NULL
         OR pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
       ELSE COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 0)
  END::float8 AS lag_seconds`;
