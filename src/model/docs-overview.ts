// The first sentence of a documentation string with its markup removed (the AWS CLI's
// get_shape_doc_overview), for skeleton comments.
export function docOverview(doc: string): string {
  const text = doc.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();
  if (!text) return '';
  const m = /^(.*?\.)(\s|$)/.exec(text);
  return m ? m[1] : text;
}
