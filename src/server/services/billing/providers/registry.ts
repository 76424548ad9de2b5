import { createCloudPaymentsProvider } from "./cloudpayments";
import type { PaymentProvidersConfig } from "./config";
import { createFreedomPayProvider } from "./freedompay";
import { PROVIDER_IDS, type PaymentProvider, type ProviderId, type Transport } from "./payment-provider";
import { createStripeProvider } from "./stripe";

export { PaymentConfigError, providerConfigFromEnv, type PaymentProvidersConfig } from "./config";

export interface PaymentProviderRegistry {
  /** Configured providers, in a fixed order (the first is the default choice). */
  readonly ids: readonly ProviderId[];
  /** Null for a provider that is not configured: its webhook and checkout must answer 404. */
  get(id: ProviderId): PaymentProvider | null;
}

/** One transport for all providers, or one per provider (so that its errors can name it). */
export type TransportSource = { transport: Transport } | { transportFor: (id: ProviderId) => Transport };

export function createPaymentProviders(config: PaymentProvidersConfig, deps: TransportSource): PaymentProviderRegistry {
  const depsFor = (id: ProviderId) => ({ transport: "transport" in deps ? deps.transport : deps.transportFor(id) });
  const providers = new Map<ProviderId, PaymentProvider>();
  if (config.cloudpayments)
    providers.set("cloudpayments", createCloudPaymentsProvider(config.cloudpayments, depsFor("cloudpayments")));
  if (config.freedompay) providers.set("freedompay", createFreedomPayProvider(config.freedompay, depsFor("freedompay")));
  if (config.stripe) providers.set("stripe", createStripeProvider(config.stripe, depsFor("stripe")));
  return {
    ids: PROVIDER_IDS.filter((id) => providers.has(id)),
    get: (id) => providers.get(id) ?? null,
  };
}
