/**
 * H5: the browser downloads the file from the temporary URL the function gave (the local
 * cloud's storage), saved under the export's own name.
 */
import type { FilingExport } from '../../../types/query'

export async function openExport(file: FilingExport): Promise<void> {
  const a = document.createElement('a')
  a.href = file.url
  a.download = file.fileName
  a.rel = 'noopener'
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
}
