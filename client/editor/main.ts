// The editor island's entry point, bundled by client/build.ts and loaded as a module script.
// Every `[data-body-editor]` on the page becomes an editor for the textarea it names, and a
// `[data-hero-field]` gets the image picker beside its select.
import { mountHeroField } from './hero-field.js'
import { mountBodyEditor } from './mount.js'

for (const host of document.querySelectorAll<HTMLElement>('[data-body-editor]')) {
  try {
    mountBodyEditor(host)
  } catch (error) {
    // One broken editor must not take the others down; its textarea is still there to use.
    console.error('The body editor could not start:', error)
  }
}

for (const host of document.querySelectorAll<HTMLElement>('[data-hero-field]')) {
  try {
    mountHeroField(host)
  } catch (error) {
    // The select still works without the picker.
    console.error('The hero image picker could not start:', error)
  }
}
