import { useRouter } from '@tarojs/taro'

/**
 * The page's route parameter `name`, decoded ('' when absent): a record's id in a link such as
 * `/pages/credit/subject/index?subjectId=…`.
 */
export function useRouteParam(name: string): string {
  const value = useRouter().params[name]
  return value ? decodeURIComponent(value) : ''
}
