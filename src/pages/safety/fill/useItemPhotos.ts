import { useState } from 'react'
import { PHOTOS_MAX } from '../../../../types/safety'
import type { Ask } from '../../../components/ConfirmDialog'
import { choosePhotos, uploadPhoto } from '../../../services/photos'
import { toast } from '../../../services/toast'
import { useSession } from '../../../session'
import type { CheckDraft } from './useCheckDraft'

/**
 * An item's photos while filling: chosen, uploaded one by one (a placeholder each meanwhile) and
 * saved with the item at once; removed after a confirmation.
 */
export function useItemPhotos(d: CheckDraft, projectId: string | undefined, ask: Ask) {
  const { refreshOnAccessError } = useSession()
  const [uploading, setUploading] = useState<Record<string, number>>({})
  const { form } = d

  const upload = async (id: string, paths: string[]) => {
    const bump = (n: number) => setUploading((u) => ({ ...u, [id]: (u[id] ?? 0) + n }))
    bump(paths.length)
    for (const path of paths) {
      try {
        const { fileID, url } = await uploadPhoto(
          { projectId, checkId: d.checkId, itemId: id },
          path,
        )
        d.addUrl(fileID, url)
        const latest = form.valueOf(id)!
        form.change(id, { ...latest, photos: [...latest.photos, fileID] }, 'now')
      } catch (err) {
        if (!refreshOnAccessError(err)) toast.error(err)
      } finally {
        bump(-1)
      }
    }
  }

  const add = async (id: string) => {
    const current = form.valueOf(id)
    if (!current) return
    const room = PHOTOS_MAX - current.photos.length - (uploading[id] ?? 0)
    if (room <= 0) return toast.info(`每项最多${PHOTOS_MAX}张照片`)
    let paths: string[]
    try {
      paths = (await choosePhotos(room)).slice(0, room)
    } catch (err) {
      return toast.error(err)
    }
    if (paths.length > 0) await upload(id, paths)
  }

  const remove = async (id: string, fileID: string) => {
    const ok = await ask({
      title: '删除照片',
      content: '确定删除这张照片？',
      confirmText: '删除',
      danger: true,
    })
    const latest = form.valueOf(id)
    if (!ok || !latest) return
    form.change(id, { ...latest, photos: latest.photos.filter((p) => p !== fileID) }, 'now')
  }

  return { uploading, add, remove, busy: Object.values(uploading).some((n) => n > 0) }
}
