import { describe, expect, it } from "vitest";

import { OrderStatus } from "@/generated/prisma/enums";

import { canTransition, ORDER_TRANSITIONS } from "./order-transitions";
import { PAYMENT_ON_ORDER } from "./payment-transitions";

const statuses = Object.values(OrderStatus);

describe("the order state machine", () => {
  it("allows exactly the documented moves", () => {
    const allowed = statuses.flatMap((from) => statuses.filter((to) => canTransition(from, to)).map((to) => `${from}→${to}`));
    expect(allowed.sort()).toEqual(
      ["CART→PENDING", "PENDING→PAID", "PENDING→CANCELLED", "PENDING→EXPIRED", "PAID→ACTIVATED"].sort(),
    );
  });

  it("has no way back from an activated, cancelled or expired order", () => {
    for (const final of ["ACTIVATED", "CANCELLED", "EXPIRED"] as const) expect(ORDER_TRANSITIONS[final]).toEqual([]);
  });

  it("decides what money arriving does for every status", () => {
    expect(Object.keys(PAYMENT_ON_ORDER).sort()).toEqual([...statuses].sort());
    expect(PAYMENT_ON_ORDER.PENDING).toEqual({ action: "ACTIVATE" });
    expect(PAYMENT_ON_ORDER.CART).toEqual({ action: "REJECT", reason: "ORDER_NOT_CHECKED_OUT" });
    expect(PAYMENT_ON_ORDER.EXPIRED).toEqual({ action: "CREDIT", reason: "ORDER_EXPIRED" });
    expect(PAYMENT_ON_ORDER.CANCELLED).toEqual({ action: "CREDIT", reason: "ORDER_CANCELLED" });
    expect(PAYMENT_ON_ORDER.PAID).toEqual({ action: "CREDIT", reason: "ALREADY_PAID" });
    expect(PAYMENT_ON_ORDER.ACTIVATED).toEqual({ action: "CREDIT", reason: "ALREADY_PAID" });
  });
});
