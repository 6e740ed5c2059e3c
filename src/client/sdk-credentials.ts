// The SDK's credential provider chain, in a bundle of its own: it is large, and only needed when the
// environment holds no keys.
export { defaultProvider } from '@aws-sdk/credential-provider-node';
