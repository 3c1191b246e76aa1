import { describe, expect, it } from 'vitest';
import { expectAwsError } from '../test-support/access-fixtures.js';
import { parseSamlMetadata } from './saml-metadata.js';

const MD = 'urn:oasis:names:tc:SAML:2.0:metadata';

function parsed(document: string): Promise<unknown> {
  return Promise.resolve().then(() => parseSamlMetadata(document));
}

describe('parseSamlMetadata', () => {
  it('accepts an EntityDescriptor in the metadata namespace, prefixed or not, and reads validUntil', () => {
    expect(
      parseSamlMetadata(
        `<?xml version="1.0"?>\n<!-- IdP --><md:EntityDescriptor xmlns:md="${MD}" entityID="https://idp" validUntil="2030-01-02T03:04:05Z"><md:IDPSSODescriptor protocolSupportEnumeration="x"><![CDATA[<raw>]]></md:IDPSSODescriptor></md:EntityDescriptor>\n`,
      ),
    ).toEqual({ validUntil: new Date('2030-01-02T03:04:05Z') });
    expect(parseSamlMetadata(`<EntityDescriptor xmlns='${MD}' entityID='x'/>`)).toEqual({
      validUntil: undefined,
    });
  });

  it.each([
    ['plain text', 'not xml at all'],
    ['another root element', `<EntitiesDescriptor xmlns="${MD}"/>`],
    ['the wrong namespace', '<EntityDescriptor xmlns="urn:example"/>'],
    ['an undeclared prefix', `<md:EntityDescriptor xmlns="${MD}"/>`],
    ['unclosed elements', `<EntityDescriptor xmlns="${MD}"><a>`],
    ['mismatched end tags', `<EntityDescriptor xmlns="${MD}"><a></b></EntityDescriptor>`],
    ['two roots', `<EntityDescriptor xmlns="${MD}"/><EntityDescriptor xmlns="${MD}"/>`],
    ['text after the root', `<EntityDescriptor xmlns="${MD}"/>trailing`],
    ['a document type declaration', `<!DOCTYPE x [<!ENTITY e "e">]><EntityDescriptor xmlns="${MD}"/>`],
    ['an unknown entity', `<EntityDescriptor xmlns="${MD}">&e;</EntityDescriptor>`],
    ['a duplicate attribute', `<EntityDescriptor xmlns="${MD}" a="1" a="2"/>`],
    ['an unquoted attribute', `<EntityDescriptor xmlns="${MD}" a=1/>`],
  ])('refuses %s', async (_, document) => {
    await expectAwsError(parsed(document), 'InvalidInput', 'Could not parse metadata');
  });
});
