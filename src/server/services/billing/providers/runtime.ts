import "server-only";

import {
  ProviderResponseError,
  type PaymentProvider,
  type ProviderHttpRequest,
  type ProviderHttpResponse,
  type ProviderId,
  type Transport,
} from "./payment-provider";
import { createPaymentProviders, providerConfigFromEnv, type PaymentProviderRegistry } from "./registry";

/** How long a call to a provider's API may take before it counts as unanswered. */
export const PROVIDER_TIMEOUT_MS = 15_000;

/**
 * Calls a provider's API over HTTPS with fetch. No retries: a POST that timed out may have
 * happened, and the caller decides (refunds carry an idempotency key; payments are started again
 * by the payer). No answer at all throws ProviderResponseError with a null status.
 */
export function fetchTransport(provider: ProviderId, timeoutMs = PROVIDER_TIMEOUT_MS): Transport {
  return async (request: ProviderHttpRequest): Promise<ProviderHttpResponse> => {
    try {
      const response = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        redirect: "error",
        signal: AbortSignal.timeout(timeoutMs),
      });
      return { status: response.status, body: await response.text() };
    } catch (error) {
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      throw new ProviderResponseError(provider, `no answer from ${new URL(request.url).host} (${reason})`);
    }
  };
}

let registry: PaymentProviderRegistry | undefined;

/**
 * The payment providers this deployment is configured with (environment variables, see the
 * README), built on first use. A half-configured provider throws PaymentConfigError naming the
 * missing variable; the launcher checks the same at start.
 */
export function getPaymentProviders(): PaymentProviderRegistry {
  registry ??= createPaymentProviders(providerConfigFromEnv(process.env), { transportFor: (id) => fetchTransport(id) });
  return registry;
}

export type { PaymentProvider, PaymentProviderRegistry };
