/**
 * Review decisions shared by every level (所属長, 事務局, 推進本部, 推進委員会): approve or return with a comment, recorded once per task, and the return notice the returned-to person sees.
 */
package jp.climatepdca.review;
