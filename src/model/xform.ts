// botocore's xform_name: the CLI names of operations and members come from the API names by it.

const FIRST_CAP = /(.)([A-Z][a-z]+)/g;
const END_CAP = /([a-z0-9])([A-Z])/g;
const SPECIAL_CASE = /[A-Z]{2,}s$/;
const PARTIAL_RENAMES: Record<string, string> = {
  'ipv-6': 'ipv6', 'ipv_6': 'ipv6', 's_3_resources': 's3_resources', 's-3-resources': 's3-resources',
};

/** botocore's xform_name: CamelCase → snake_case (or kebab-case with sep '-'). */
export function xformName(name: string, sep = '_'): string {
  if (name.includes(sep)) return name;
  let n = name;
  const special = SPECIAL_CASE.exec(n);
  if (special) n = `${n.slice(0, -special[0].length)}${sep}${special[0].toLowerCase()}`;
  let t = n.replace(FIRST_CAP, `$1${sep}$2`).replace(END_CAP, `$1${sep}$2`).toLowerCase();
  for (const [o, r] of Object.entries(PARTIAL_RENAMES)) if (t.includes(o)) t = t.split(o).join(r);
  return t;
}

