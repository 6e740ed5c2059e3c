// botocore's check of a region name, apart from the endpoint rules (it is needed before them, and light).

export class InvalidRegionError extends Error {
  override name = 'InvalidRegionError';
  constructor(public readonly region: string) {
    super(`Provided region_name '${region}' doesn't match a supported format.`);
  }
}

// botocore's validate_region_name: a valid host label, `^(?![0-9]+$)(?!-)[a-zA-Z0-9-]{,63}(?<!-)$`
// with re.match. Python's `$` also matches just before a final "\n", hence the `\n?`.
const VALID_REGION = /^(?![0-9]+\n?$)(?!-)[a-zA-Z0-9-]{0,63}(?<!-)\n?$/;

/** Throws InvalidRegionError for a region botocore refuses (`Not_A_Region`, `us east 1`, `-x`, `123`). */
export function validateRegion(region: string): void {
  if (!VALID_REGION.test(region)) throw new InvalidRegionError(region);
}
