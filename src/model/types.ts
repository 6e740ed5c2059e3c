// The service model's vocabulary: the botocore JSON model format, which the reference files use.
// Everything (options, parsing, validation, skeletons, help, the wire request, output shaping) reads this.

export type ShapeType =
  | 'structure' | 'list' | 'map' | 'string' | 'integer' | 'long' | 'double' | 'float'
  | 'boolean' | 'timestamp' | 'blob';

export type MemberLocation = 'uri' | 'querystring' | 'header' | 'headers' | 'statusCode';

export interface ShapeRef {
  shape: string;
  location?: MemberLocation;
  locationName?: string;
  idempotencyToken?: boolean;
  documentation?: string;
}

export interface Shape {
  type: ShapeType;
  members?: Record<string, ShapeRef>;
  required?: string[];
  member?: ShapeRef;
  key?: ShapeRef;
  value?: ShapeRef;
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  timestampFormat?: 'iso8601' | 'rfc822' | 'unixTimestamp';
  sensitive?: boolean;
  union?: boolean;
  box?: boolean;
  exception?: boolean;
  fault?: boolean;
  error?: { httpStatusCode?: number; senderFault?: boolean; code?: string };
  documentation?: string;
}

export interface Operation {
  name: string;
  http: { method: string; requestUri: string; responseCode?: number };
  input?: { shape: string };
  output?: { shape: string };
  errors?: { shape: string }[];
  idempotent?: boolean;
  readonly?: boolean;
  documentation?: string;
}

export interface Paginator {
  input_token: string | string[];
  output_token: string | string[];
  limit_key?: string;
  result_key?: string | string[];
  more_results?: string;
  non_aggregate_keys?: string[];
}

export interface ServiceModel {
  metadata: {
    apiVersion: string;
    endpointPrefix: string;
    protocol: string;
    serviceFullName: string;
    serviceId: string;
    signatureVersion?: string;
    signingName?: string;
    uid?: string;
  };
  operations: Record<string, Operation>;
  shapes: Record<string, Shape>;
  paginators: Record<string, Paginator>;
}
