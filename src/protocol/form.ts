/**
 * A Query request's parameters as a tree: `Tags.member.1.Key=k` becomes Tags → member → 1 → Key with value `k`.
 * The decoder walks this tree along the operation's input shape, so each parameter is looked at once.
 */

/** One dotted segment of parameter names: the value set for exactly this name, and the longer names below it. */
export interface FormNode {
  value: string | undefined;
  readonly children: Map<string, FormNode>;
}

/** Parses `application/x-www-form-urlencoded` text (or already parsed parameters) into a tree. */
export function parseForm(body: string | URLSearchParams): FormNode {
  const params = typeof body === 'string' ? new URLSearchParams(body) : body;
  const root = newNode();
  for (const [name, value] of params) {
    let node = root;
    for (const segment of name.split('.')) {
      let child = node.children.get(segment);
      if (!child) {
        child = newNode();
        node.children.set(segment, child);
      }
      node = child;
    }
    // The first occurrence of a repeated parameter wins.
    if (node.value === undefined) node.value = value;
  }
  return root;
}

function newNode(): FormNode {
  return { value: undefined, children: new Map() };
}

/**
 * The numbered children of a node (`1`, `2`, …) in numeric order: the items of a list or map. Names that are
 * not positive decimal integers are ignored, as are gaps.
 */
export function numberedChildren(node: FormNode): FormNode[] {
  return [...node.children.entries()]
    .filter(([name]) => /^[1-9][0-9]*$/.test(name))
    .map(([name, child]) => ({ index: Number(name), child }))
    .sort((a, b) => a.index - b.index)
    .map((entry) => entry.child);
}
