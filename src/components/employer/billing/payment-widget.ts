// The card form of CloudPayments / TipTop Pay: their script on our page opens the form in a frame,
// the payer pays there, and the provider's Pay notification to our webhook activates the order.
// TipTop Pay's script names the widget `tiptop.Widget`, CloudPayments' `cp.CloudPayments`; both
// take the same `pay("charge", options, callbacks)` call.

interface WidgetCallbacks {
  onSuccess: () => void;
  onFail: (reason: unknown) => void;
}
interface Widget {
  pay(kind: "charge", options: Record<string, string | number>, callbacks: WidgetCallbacks): unknown;
}
type WidgetConstructor = new (options?: { language?: string }) => Widget;
type WidgetWindow = Window & {
  cp?: { CloudPayments?: WidgetConstructor };
  tiptop?: { Widget?: WidgetConstructor };
};

const loaded = new Map<string, Promise<void>>();

function loadScript(src: string): Promise<void> {
  const existing = loaded.get(src);
  if (existing) return existing;
  const promise = new Promise<void>((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.async = true;
    script.onload = () => resolve();
    script.onerror = () => {
      loaded.delete(src);
      script.remove();
      reject(new Error(`the payment widget did not load from ${src}`));
    };
    document.head.appendChild(script);
  });
  loaded.set(src, promise);
  return promise;
}

export type WidgetOutcome = "success" | "fail";

/**
 * Loads the widget and opens it for one charge. Resolves with the payer's outcome as the widget
 * reports it; rejects when the script cannot be loaded or names no widget.
 */
export async function openPaymentWidget(start: {
  scriptUrl: string;
  params: Readonly<Record<string, string>>;
}): Promise<WidgetOutcome> {
  await loadScript(start.scriptUrl);
  const w = window as WidgetWindow;
  const Constructor = w.tiptop?.Widget ?? w.cp?.CloudPayments;
  if (!Constructor) throw new Error("the payment widget's script defines no widget");
  const { amount, language, ...rest } = start.params;
  const widget = new Constructor({ language });
  return new Promise<WidgetOutcome>((resolve) => {
    widget.pay(
      "charge",
      // The server writes the amount as exact decimal text; the widget takes a number.
      { ...rest, amount: Number(amount) },
      { onSuccess: () => resolve("success"), onFail: () => resolve("fail") },
    );
  });
}
