// The searchable multi-select island: every `<select multiple data-combobox>` on a newsroom page
// becomes a combobox with chips (see combobox-widget.ts). Without this script the plain select
// works as before, and with it the form posts the same fields.
import { enhanceMultiSelect } from './combobox-widget.js'

for (const select of document.querySelectorAll<HTMLSelectElement>('select[multiple][data-combobox]')) {
  try {
    enhanceMultiSelect(select)
  } catch (error) {
    // One field failing to start leaves its plain select, which still works.
    console.error('A searchable list could not start:', error)
  }
}
