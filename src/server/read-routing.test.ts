import { describe, expect, it, vi } from "vitest";

import { ReadRouter, type ReplicaState } from "./read-routing";

const OPTIONS = { maxLagMs: 5_000, afterWriteMs: 5_000, probeIntervalMs: 2_000 };

function setup(state: () => Promise<ReplicaState>, replica: string | null = "replica") {
  let clock = 1_000_000;
  const changes: [boolean, string][] = [];
  const probe = vi.fn(state);
  const router = new ReadRouter("primary", replica, {
    ...OPTIONS,
    now: () => clock,
    probe,
    onChange: (healthy, reason) => changes.push([healthy, reason]),
  });
  return {
    router,
    probe,
    changes,
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

const current = async (): Promise<ReplicaState> => ({ inRecovery: true, lagSeconds: 0 });

describe("public reads with a streaming replica", () => {
  it("without a replica, the primary serves and nothing is probed", async () => {
    const { router, probe } = setup(current, null);
    expect(router.client()).toBe("primary");
    router.noteWrite();
    expect(router.client()).toBe("primary");
    expect(probe).not.toHaveBeenCalled();
  });

  it("the primary serves until the first probe has answered, then the replica", async () => {
    const { router, probe, changes } = setup(current);
    expect(router.client()).toBe("primary");
    await router.probeNow();
    expect(router.client()).toBe("replica");
    expect(probe).toHaveBeenCalledTimes(1);
    expect(changes).toEqual([[true, "lag 0.0 s"]]);
  });

  it("after a write that dropped public pages, the primary serves for the write's window", async () => {
    const { router, advance } = setup(current);
    await router.probeNow();
    router.noteWrite();
    expect(router.client()).toBe("primary");
    advance(4_999);
    expect(router.client()).toBe("primary");
    advance(1);
    await router.probeNow();
    expect(router.client()).toBe("replica");
  });

  it("a replica that lags more than allowed, is not a standby or does not answer is left aside until it recovers", async () => {
    let state: ReplicaState | Error = { inRecovery: true, lagSeconds: 6 };
    const { router, advance, changes } = setup(async () => {
      if (state instanceof Error) throw state;
      return state;
    });
    await router.probeNow();
    expect(router.client()).toBe("primary");

    state = { inRecovery: true, lagSeconds: 1 };
    advance(2_000);
    await router.probeNow();
    expect(router.client()).toBe("replica");

    state = new Error("connect ECONNREFUSED 127.0.0.1:5433");
    advance(2_000);
    await router.probeNow();
    expect(router.client()).toBe("primary");

    state = { inRecovery: false, lagSeconds: 0 };
    advance(2_000);
    await router.probeNow();
    expect(router.client()).toBe("primary");

    expect(changes).toEqual([
      [true, "lag 1.0 s"],
      [false, "connect ECONNREFUSED 127.0.0.1:5433"],
    ]);
  });

  it("probes at most once per interval, from the reads themselves, one probe at a time", async () => {
    let release: (state: ReplicaState) => void = () => {};
    const { router, probe, advance } = setup(() => new Promise<ReplicaState>((resolve) => (release = resolve)));
    router.client();
    router.client();
    expect(probe).toHaveBeenCalledTimes(1);
    advance(2_500);
    router.client();
    // The first probe has not answered yet: no second one meanwhile.
    expect(probe).toHaveBeenCalledTimes(1);
    release({ inRecovery: true, lagSeconds: 0 });
    await router.probeNow();
    expect(router.replicaServing).toBe(true);
    // The next probe is due an interval after the last one answered.
    advance(1_000);
    router.client();
    expect(probe).toHaveBeenCalledTimes(1);
    advance(1_500);
    router.client();
    expect(probe).toHaveBeenCalledTimes(2);
    expect(router.replicaServing).toBe(true);
  });
});
