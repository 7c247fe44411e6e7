// Pasted HTML loses its style attributes before parsing, so the page's CSP has nothing to refuse.
import { it } from 'node:test'
import assert from 'node:assert/strict'
import { isBoldWeight, neutralizeStyles } from './paste.js'

it('style attributes in any case and quoting are renamed, and <style> elements are removed', () => {
  assert.equal(
    neutralizeStyles(
      '<style>p { color: red }</style><p style="color:red">a</p><SPAN STYLE=font-weight:700>b</SPAN><i style = \'x\'>c</i>',
    ),
    '<p data-pasted-style="color:red">a</p><SPAN data-pasted-style=font-weight:700>b</SPAN><i data-pasted-style = \'x\'>c</i>',
  )
})

it('text, comments and other attributes that merely mention style are left alone', () => {
  const html =
    '<p title="a > style=b" data-style="keep">style="x" &lt;b style="y"&gt; 1 < 2</p><!-- <b style="z"> --><br/><img alt=\'style="q"\' src=x.png style="w">'
  assert.equal(
    neutralizeStyles(html),
    '<p title="a > style=b" data-style="keep">style="x" &lt;b style="y"&gt; 1 < 2</p><!-- <b style="z"> --><br/><img alt=\'style="q"\' src=x.png data-pasted-style="w">',
  )
})

it('a cut-off tag at the end of the clipboard does not throw or loop', () => {
  assert.equal(neutralizeStyles('<p style="unterminated'), '<p data-pasted-style="unterminated')
  assert.equal(neutralizeStyles('<p style'), '<p data-pasted-style')
})

it('font weights of 600 and up read as bold, normal and 400 do not', () => {
  assert.deepEqual(['bold', 'bolder', '600', '700', '900', 'normal', '400', '500', undefined].map(isBoldWeight), [
    true,
    true,
    true,
    true,
    true,
    false,
    false,
    false,
    false,
  ])
})
